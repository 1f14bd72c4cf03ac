using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace NetSim.Cli.Tests;

/// <summary>
/// <c>netsim report --html</c> loaded by a real browser (Debian's chromium, headless, which
/// tools/deps.sh installs): the page renders without a console error, every standard figure is
/// there with a non-zero size, and each summary cell's mean equals the mean SQLite computes from
/// the database's summary rows of the same runs. A screenshot is kept as the test's artifact.
/// </summary>
public sealed partial class HtmlReportTests : IDisposable
{
    private const string Chromium = "/usr/bin/chromium";
    private readonly Netsim _netsim = new();

    public void Dispose() => _netsim.Dispose();

    [Fact]
    public void Given_a_full_trace_When_the_html_report_is_opened_in_chromium_Then_every_figure_renders_and_every_mean_equals_the_database()
    {
        var db = _netsim.File("r.db");
        var page = _netsim.File("report.html");
        var run = _netsim.Run("run", _netsim.Scenario("quickstart.yaml"), "--set", "duration=5s", "--replications", "2", "--trace", "full", "--out", db);
        Assert.True(run.Exit == 0, run.Err);
        var report = _netsim.Run("report", db, "--html", page);
        Assert.True(report.Exit == 0, report.Err);

        var html = File.ReadAllText(page);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);

        // The probe runs in the browser beside the page: the figures' rendered sizes and the cells' values.
        var probe = _netsim.File("probe.html");
        File.WriteAllText(probe, html.Replace("</body>", """
            <pre id="probe"></pre>
            <script>
            const figures = [...document.querySelectorAll("figure")].map(f => { const r = f.querySelector("svg").getBoundingClientRect(); return { id: f.id, width: r.width, height: r.height }; });
            const cells = [...document.querySelectorAll("table.summary")].flatMap(t => [...t.querySelectorAll("td[data-metric]")].map(c => ({ runs: t.dataset.runs, metric: c.dataset.metric, mean: c.dataset.mean })));
            const nodes = [...document.querySelectorAll("table.nodes")].flatMap(t => [...t.querySelectorAll("tr[data-node]")].flatMap(r => [...r.querySelectorAll("td[data-column]")].map(c => ({ runs: t.dataset.runs, node: r.dataset.node, column: c.dataset.column, mean: c.dataset.mean }))));
            document.getElementById("probe").textContent = JSON.stringify({ figures, cells, nodes });
            </script>
            </body>
            """, StringComparison.Ordinal));
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing; tools/deps.sh installs Debian's chromium");
        var (dom, log) = Browse("--dump-dom", probe);
        // The page has no script and the probe logs nothing: any console line (an error, a refused load) is a defect.
        Assert.DoesNotMatch(ConsoleLine(), log);

        using var result = JsonDocument.Parse(WebUtility(Probe().Match(dom).Groups[1].Value));
        var figures = result.RootElement.GetProperty("figures").EnumerateArray().ToDictionary(f => f.GetProperty("id").GetString()!, f => (f.GetProperty("width").GetDouble(), f.GetProperty("height").GetDouble()));
        foreach (var id in new[] { "figure-cdf", "figure-breakdown", "figure-queue", "figure-topology" })
        {
            Assert.True(figures.TryGetValue(id, out var size), $"{id} is missing from the rendered page");
            Assert.True(size.Item1 > 100 && size.Item2 > 100, $"{id} renders at {size.Item1} x {size.Item2}");
        }

        var cells = result.RootElement.GetProperty("cells").EnumerateArray().ToList();
        Assert.Contains(cells, c => c.GetProperty("metric").GetString() == "mean_latency");
        using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        connection.Open();
        foreach (var cell in cells)
        {
            var metric = cell.GetProperty("metric").GetString()!;
            var runs = cell.GetProperty("runs").GetString()!;
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT AVG(value) FROM summary WHERE metric = $m AND value IS NOT NULL AND run_id IN ({runs})";
            command.Parameters.AddWithValue("$m", metric);
            var expected = command.ExecuteScalar() is double d ? d : double.NaN;
            var shown = double.Parse(cell.GetProperty("mean").GetString()!, CultureInfo.InvariantCulture);
            Assert.True(double.IsNaN(expected) ? double.IsNaN(shown) : Math.Abs(shown - expected) <= 1e-12 * Math.Max(1, Math.Abs(expected)), $"{metric} over runs {runs}: the page shows {shown}, the database {expected}");
        }

        // The per-node table: each cell the mean over the group's runs of its node_stats column (utilisation shown in percent).
        var nodes = result.RootElement.GetProperty("nodes").EnumerateArray().ToList();
        Assert.Contains(nodes, c => c.GetProperty("node").GetString() == "edge:0" && c.GetProperty("column").GetString() == "utilisation");
        foreach (var cell in nodes)
        {
            var column = cell.GetProperty("column").GetString()!;
            var node = cell.GetProperty("node").GetString()!;
            var runs = cell.GetProperty("runs").GetString()!;
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT AVG({column}) FROM node_stats WHERE node = $n AND run_id IN ({runs})";
            command.Parameters.AddWithValue("$n", node);
            var expected = (command.ExecuteScalar() is double d ? d : double.NaN) * (column == "utilisation" ? 100 : 1);
            var shown = double.Parse(cell.GetProperty("mean").GetString()!, CultureInfo.InvariantCulture);
            Assert.True(double.IsNaN(expected) ? double.IsNaN(shown) : Math.Abs(shown - expected) <= 1e-12 * Math.Max(1, Math.Abs(expected)), $"{node} {column} over runs {runs}: the page shows {shown}, the database {expected}");
        }

        var artifacts = Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(artifacts);
        var screenshot = Path.Combine(artifacts, "html-report.png");
        Browse($"--screenshot={screenshot}", page, "--window-size=1200,3000");
        Assert.True(new FileInfo(screenshot).Length > 50_000, "the screenshot of the page is nearly empty");
    }

    [Fact]
    public void Given_a_summary_only_trace_When_the_html_report_is_written_Then_each_missing_figure_says_which_trace_level_gives_it()
    {
        var db = _netsim.File("s.db");
        Assert.Equal(0, _netsim.Run("run", _netsim.Scenario("quickstart.yaml"), "--set", "duration=2s", "--trace", "summary", "--out", db).Exit);

        var report = _netsim.Run("report", db, "--html", _netsim.File("s.html"));

        Assert.True(report.Exit == 0, report.Err);
        var html = File.ReadAllText(_netsim.File("s.html"));
        Assert.Contains("id=\"missing-cdf\"", html, StringComparison.Ordinal);
        Assert.Contains("--trace tasks", html, StringComparison.Ordinal);
        Assert.Contains("id=\"missing-queue\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"figure-topology\"", html, StringComparison.Ordinal);
    }

    private (string Out, string Err) Browse(string what, string file, params string[] extra)
    {
        var info = new ProcessStartInfo(Chromium) { WorkingDirectory = _netsim.WorkDir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000", .. extra, what, new Uri(file).AbsoluteUri])
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["HOME"] = _netsim.WorkDir;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("chromium did not finish in 120 s");
        }

        return (stdout.Result, stderr.Result);
    }

    private static string WebUtility(string text) => System.Net.WebUtility.HtmlDecode(text);

    [GeneratedRegex("<pre id=\"probe\">(.*?)</pre>", RegexOptions.Singleline)]
    private static partial Regex Probe();

    [GeneratedRegex(@"CONSOLE[:(]\d+")]
    private static partial Regex ConsoleLine();
}
