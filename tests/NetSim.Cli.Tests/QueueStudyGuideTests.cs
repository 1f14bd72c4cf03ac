using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using NetSim.Network.Metrics;
using NetSim.Tests.Shared;

namespace NetSim.Cli.Tests;

/// <summary>
/// docs/queue-studies.md as a user follows it: its commands run as written, and the per-node figures
/// they write (node_stats of edge:0) agree with Erlang C, computed here independently of NetSim, at each
/// load: utilisation, Lq, Wq and W within two 95% half-widths over the five replications and within 10%
/// (a wrong formula, off by a factor rho or 1 - rho, misses 10% at every load here), p95 wait within 5%.
/// The long run's batch-means interval holds the theory's mean latency. The runs are seeded, so a pass
/// is repeatable; the guide's own table is checked against the database, so it cannot go stale.
/// </summary>
public sealed partial class QueueStudyGuideTests : IDisposable
{
    private readonly Netsim _netsim = new();

    public void Dispose() => _netsim.Dispose();


    [Fact]
    public void Given_the_queue_study_When_its_commands_run_Then_each_node_figure_agrees_with_erlang_c()
    {
        var guide = File.ReadAllText(Path.Combine(Netsim.Root, "docs", "queue-studies.md"));
        var commands = Fence().Matches(guide).Single(m => m.Groups[1].Value == "sh").Groups[2].Value.Trim().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        foreach (var command in commands)
        {
            Assert.StartsWith("netsim ", command, StringComparison.Ordinal);
            var args = command["netsim ".Length..].Split(' ').Select(a => a.StartsWith("scenarios/", StringComparison.Ordinal) ? Path.Combine(Netsim.Root, a) : a).ToArray();
            var (exit, _, err) = _netsim.Run(args);
            Assert.True(exit == 0, $"{command}: {err}");
        }

        Assert.Contains("<table class=\"nodes\"", File.ReadAllText(_netsim.File("results/mmc-load.html")), StringComparison.Ordinal);
        Assert.True(new FileInfo(_netsim.File("results/mmc-load.svg")).Length > 1000);

        using var connection = new SqliteConnection($"Data Source={_netsim.File("results/mmc-load.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var table = GuideRows(guide);
        foreach (var lambda in new[] { 1.5, 2.1, 2.55 })
        {
            var rows = NodeRows(connection, $"{lambda.ToString(CultureInfo.InvariantCulture)}/s");
            Assert.Equal(5, rows.Count);
            var erlang = QueueTheory.ErlangC(3, lambda);
            var wq = erlang / (3 - lambda);
            var theory = new Dictionary<string, double>
            {
                ["utilisation"] = lambda / 3,
                ["mean_in_queue"] = lambda * wq,
                ["mean_wait_s"] = wq,
                ["mean_sojourn_s"] = wq + 1,
            };
            var shown = table[Math.Round(lambda / 3, 2)];
            var column = 0;
            foreach (var (name, expected) in theory)
            {
                var ci = ConfidenceInterval.Of(rows.Select(r => r[name]));
                Assert.True(Math.Abs(ci.Mean - expected) <= 2 * ci.HalfWidth, $"lambda {lambda}: {name} {ci.Mean:G4} ± {ci.HalfWidth:G4} vs Erlang C {expected:G4}");
                Assert.True(Math.Abs(ci.Mean - expected) <= 0.1 * expected, $"lambda {lambda}: {name} {ci.Mean:G4} vs Erlang C {expected:G4} (10%)");
                Assert.Equal(shown[column++], ci.Mean, 0.002 * ci.Mean);
            }

            var p95 = Math.Log(erlang / 0.05) / (3 - lambda);
            Assert.Equal(p95, rows.Average(r => r["p95_wait_s"]), 0.05 * p95);
        }

        using var longRun = new SqliteConnection($"Data Source={_netsim.File("results/mmc-long.db")};Mode=ReadOnly;Pooling=False");
        longRun.Open();
        using var query = longRun.CreateCommand();
        query.CommandText = "SELECT metric, value FROM summary WHERE metric IN ('mean_latency_batch', 'mean_latency_batch_ci', 'batch_means')";
        var summary = new Dictionary<string, double>();
        using (var reader = query.ExecuteReader())
        {
            while (reader.Read())
            {
                summary[reader.GetString(0)] = reader.GetDouble(1);
            }
        }

        var w = 1 + (QueueTheory.ErlangC(3, 2.4) / (3 - 2.4));
        Assert.Equal(20, summary["batch_means"]);
        Assert.True(Math.Abs(summary["mean_latency_batch"] - w) <= summary["mean_latency_batch_ci"], $"batch means {summary["mean_latency_batch"]:G4} ± {summary["mean_latency_batch_ci"]:G4} vs W {w:G4}");
    }

    private static List<Dictionary<string, double>> NodeRows(SqliteConnection connection, string rate)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT n.utilisation, n.mean_in_queue, n.mean_wait_s, n.mean_sojourn_s, n.p95_wait_s
            FROM node_stats n JOIN runs r USING (run_id)
            WHERE n.node = 'edge:0' AND r.status = 'complete' AND json_extract(r.params, '$."ues.arrivals.rate"') = $rate
            """;
        command.Parameters.AddWithValue("$rate", rate);
        var rows = new List<Dictionary<string, double>>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(new Dictionary<string, double>
            {
                ["utilisation"] = reader.GetDouble(0),
                ["mean_in_queue"] = reader.GetDouble(1),
                ["mean_wait_s"] = reader.GetDouble(2),
                ["mean_sojourn_s"] = reader.GetDouble(3),
                ["p95_wait_s"] = reader.GetDouble(4),
            });
        }

        return rows;
    }

    /// <summary>The guide's theory table: by rho, the measured means of utilisation, Lq, Wq and W it shows (the text before each ±).</summary>
    private static Dictionary<double, double[]> GuideRows(string guide) =>
        guide.Split('\n')
            .Where(line => line.StartsWith("| 0.", StringComparison.Ordinal) && line.Contains('±', StringComparison.Ordinal))
            .Select(line => line.Split('|', StringSplitOptions.TrimEntries))
            .Where(cells => cells.Length == 13)
            .ToDictionary(
                cells => double.Parse(cells[1], CultureInfo.InvariantCulture),
                cells => new[] { 2, 4, 6, 8 }.Select(i => double.Parse(cells[i].Split('±')[0].Trim(), CultureInfo.InvariantCulture)).ToArray());

    [GeneratedRegex(@"```(\w+)\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex Fence();
}
