using System.Globalization;
using System.Net;
using System.Text;
using NetSim.Plots;
using NetSim.Plots.Building;
using NetSim.Plots.Data;
using NetSim.Plots.Figures;
using NetSim.Plots.Rendering;
using NetSim.Traces;

namespace NetSim.Cli.Reporting;

/// <summary>
/// <c>netsim report DB --html FILE</c>: one self-contained page (inline SVG figures and style, no
/// script, nothing fetched) with the runs, their provenance, the summary of each group of runs with
/// its confidence intervals, and the standard figures the database has the data for. A figure
/// without its data is replaced by a line saying which trace level gives it.
/// </summary>
internal static class HtmlReport
{
    private const string Style = """
        body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 2em auto; max-width: 60em; color: #222; }
        h1 { font-size: 1.5em; } h2 { font-size: 1.25em; margin-top: 2em; border-bottom: 1px solid #ccc; } h3 { font-size: 1em; }
        table { border-collapse: collapse; margin: 0.5em 0 1em; font-size: 0.9em; }
        th, td { border: 1px solid #ccc; padding: 0.2em 0.6em; text-align: left; }
        td.number { text-align: right; font-variant-numeric: tabular-nums; }
        figure { display: inline-block; margin: 0.5em 1em 1em 0; vertical-align: top; }
        figcaption { font-size: 0.85em; max-width: 350px; }
        pre { background: #f6f6f6; padding: 0.5em; overflow-x: auto; font-size: 0.8em; }
        .missing { color: #777; font-style: italic; }
        .warning { color: #a60; }
        """;

    /// <summary>The page for the database <paramref name="reader"/> reads.</summary>
    public static string Build(TraceReader reader)
    {
        var runs = reader.Runs();
        var counted = reader.CompleteRuns();
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>NetSim report: ").Append(Encode(Path.GetFileName(reader.Source))).Append("</title>\n<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n");
        html.Append("<h1>NetSim report: ").Append(Encode(reader.Source)).Append("</h1>\n<p>Written ")
            .Append(DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)).Append(" by NetSim ").Append(Encode(TraceDatabase.NetSimVersion))
            .Append(". ").Append(runs.Count).Append(" run").Append(runs.Count == 1 ? string.Empty : "s").Append(", ").Append(counted.Count).Append(" complete and counted.</p>\n");

        Runs(html, runs);
        Summaries(html, reader, counted);
        Provenance(html, reader, counted);
        Figures(html, reader, counted);
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void Runs(StringBuilder html, IReadOnlyList<RunRow> runs)
    {
        html.Append("<h2>Runs</h2>\n<table id=\"runs\">\n<tr><th>run</th><th>scenario</th><th>policy</th><th>replication</th><th>seed</th><th>status</th><th>sim time (s)</th><th>events</th><th>wall (s)</th></tr>\n");
        foreach (var run in runs)
        {
            html.Append("<tr data-run=\"").Append(run.RunId).Append("\"><td class=\"number\">").Append(run.RunId).Append("</td><td>").Append(Encode(run.Scenario)).Append("</td><td>").Append(Encode(run.Policy))
                .Append("</td><td class=\"number\">").Append(run.Replication).Append("</td><td class=\"number\">").Append(run.Seed)
                .Append("</td><td>").Append(Encode(run.Status)).Append(run.Message is { } message ? ": " + Encode(message) : string.Empty)
                .Append("</td><td class=\"number\">").Append(Number(run.SimTime, "G6")).Append("</td><td class=\"number\">").Append(run.Events.ToString("N0", CultureInfo.InvariantCulture))
                .Append("</td><td class=\"number\">").Append(Number(run.WallSeconds, "F2")).Append("</td></tr>\n");
        }

        html.Append("</table>\n");
    }

    private static void Summaries(StringBuilder html, TraceReader reader, IReadOnlyList<RunRow> counted)
    {
        html.Append("<h2>Summary</h2>\n");
        if (counted.Count == 0)
        {
            html.Append("<p class=\"missing\">No complete run.</p>\n");
            return;
        }

        foreach (var group in counted.GroupBy(r => (r.Scenario, r.Policy, r.ScenarioSha256, r.Params)))
        {
            var members = group.ToList();
            var summaries = members.Select(r => reader.Summary(r.RunId)).ToList();
            var point = group.Key.Params is "{}" or "" ? "no overrides" : group.Key.Params;
            html.Append("<h3>").Append(Encode($"{group.Key.Scenario} · policy {group.Key.Policy} · {point}")).Append("</h3>\n<p>")
                .Append(Encode(SummaryTable.Over(members.Count))).Append("; runs ").Append(string.Join(", ", members.Select(r => r.RunId))).Append(".</p>\n")
                .Append("<table class=\"summary\" data-runs=\"").Append(string.Join(",", members.Select(r => r.RunId))).Append("\">\n<tr><th>metric</th><th>over</th><th>")
                .Append(members.Count > 1 ? "mean ± 95% CI" : "value").Append("</th></tr>\n");
            foreach (var (metric, over, values, text) in SummaryTable.Rows(summaries))
            {
                var present = values.Where(v => !double.IsNaN(v)).ToList();
                var mean = present.Count == 0 ? double.NaN : present.Average();
                html.Append("<tr><td>").Append(Encode(metric.Label)).Append("</td><td>").Append(Encode(over)).Append("</td><td class=\"number\" data-metric=\"")
                    .Append(Encode(metric.Name)).Append("\" data-mean=\"").Append(mean.ToString("R", CultureInfo.InvariantCulture)).Append("\">").Append(Encode(text)).Append("</td></tr>\n");
            }

            html.Append("</table>\n");
            if (SummaryTable.BatchWarning(summaries) is { } warning)
            {
                html.Append("<p class=\"warning\">").Append(Encode(warning)).Append("</p>\n");
            }

            html.Append("<p class=\"warmup\">").Append(Encode(SummaryTable.WarmupLine(members.Select(r => r.Replication).ToList(), summaries))).Append("</p>\n");
            NodeStatistics(html, reader, members);
        }
    }

    private static void NodeStatistics(StringBuilder html, TraceReader reader, IReadOnlyList<RunRow> members)
    {
        var rows = NodeTable.Rows(members.Select(r => reader.NodeStatistics(r.RunId)).ToList());
        if (rows.Count == 0)
        {
            html.Append("<p class=\"missing\">No per-node queue statistics: these runs were written before node_stats existed.</p>\n");
            return;
        }

        html.Append("<p>Per node: ").Append(Encode(NodeTable.Over(members.Count))).Append(".</p>\n<table class=\"nodes\" data-runs=\"")
            .Append(string.Join(",", members.Select(r => r.RunId))).Append("\">\n<tr><th>node</th><th>kind</th>");
        foreach (var column in NodeTable.Columns)
        {
            html.Append("<th>").Append(Encode(column.Header)).Append("</th>");
        }

        html.Append("</tr>\n");
        foreach (var (node, kind, cells) in rows)
        {
            html.Append("<tr data-node=\"").Append(Encode(node)).Append("\"><td>").Append(Encode(node)).Append("</td><td>").Append(Encode(kind)).Append("</td>");
            for (var i = 0; i < cells.Count; i++)
            {
                html.Append("<td class=\"number\" data-column=\"").Append(NodeTable.Columns[i].Column).Append("\" data-mean=\"")
                    .Append(cells[i].Mean.ToString("R", CultureInfo.InvariantCulture)).Append("\">").Append(Encode(NodeTable.Cell(cells[i]))).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</table>\n");
    }

    private static void Provenance(StringBuilder html, TraceReader reader, IReadOnlyList<RunRow> counted)
    {
        html.Append("<h2>Provenance</h2>\n");
        foreach (var scenario in counted.GroupBy(r => r.ScenarioSha256))
        {
            var first = scenario.First();
            var versions = scenario.Select(r => reader.Version(r.RunId)).Distinct().ToList();
            html.Append("<h3>").Append(Encode(first.Scenario)).Append("</h3>\n<p>Scenario SHA-256 <code>").Append(Encode(first.ScenarioSha256)).Append("</code>; seeds ")
                .Append(string.Join(", ", scenario.Select(r => r.Seed).Distinct())).Append("; written by NetSim ").Append(Encode(string.Join(", ", versions))).Append(".</p>\n")
                .Append("<details><summary>The resolved scenario (includes and overrides applied)</summary>\n<pre>").Append(Encode(reader.ScenarioYaml(first.RunId) ?? string.Empty)).Append("</pre>\n</details>\n");
        }
    }

    private static void Figures(StringBuilder html, TraceReader reader, IReadOnlyList<RunRow> counted)
    {
        html.Append("<h2>Figures</h2>\n");
        var specs = new List<(string Id, string Caption, FigureSpec Spec, string Needs)>
        {
            ("cdf", "Empirical CDF of the latency of completed tasks, pooled per policy.", new FigureSpec { Name = "cdf", Kind = FigureKind.LatencyCdf }, "task rows (--trace tasks)"),
            ("breakdown", "Mean latency of completed tasks per policy, split into its parts.", new FigureSpec { Name = "breakdown", Kind = FigureKind.LatencyBreakdown }, "task rows (--trace tasks)"),
            ("queue", "Queue length over time of the nodes with the longest queues, in one run.", new FigureSpec { Name = "queue", Kind = FigureKind.QueueLength }, "queue samples (--trace full)"),
            ("topology", "Where the UEs and stations of one run stand, each UE coloured by where most of its tasks ran.", new FigureSpec { Name = "topology", Kind = FigureKind.Topology }, "node places (every run of this NetSim)"),
        };
        if (SweptParameter(counted) is { } swept)
        {
            specs.Add(("sweep", $"Mean latency of completed tasks against {swept}, mean and 95% confidence bars over replications.", new FigureSpec
            {
                Name = "sweep",
                Kind = FigureKind.Sweep,
                X = swept,
                XLabel = MetricLabels.ForParameter(swept),
                Metrics = [MetricLabels.For("mean_latency")],
            }, "complete runs at two or more values of a parameter"));
        }

        foreach (var (id, caption, spec, needs) in specs)
        {
            try
            {
                var svg = FigureRenderer.ToSvg(FigureBuilder.Build(reader, spec));
                html.Append("<figure id=\"figure-").Append(id).Append("\">\n").Append(svg[svg.IndexOf("<svg", StringComparison.Ordinal)..])
                    .Append("\n<figcaption>").Append(Encode(caption)).Append("</figcaption>\n</figure>\n");
            }
            catch (MissingDataException ex)
            {
                html.Append("<p class=\"missing\" id=\"missing-").Append(id).Append("\">").Append(Encode($"No {id} figure: it needs {needs}; {ex.Message}")).Append("</p>\n");
            }
        }
    }

    /// <summary>A parameter of the runs' overrides or sweep values that takes two or more numeric values, or null.</summary>
    private static string? SweptParameter(IReadOnlyList<RunRow> counted) =>
        counted.SelectMany(r => RunSet.Params(r.Params))
            .GroupBy(kv => kv.Key, kv => kv.Value)
            .Where(g => g.Distinct().Count() > 1 && g.All(v => !double.IsNaN(ParamValue.Number(v))))
            .Select(g => g.Key)
            .Order(StringComparer.Ordinal)
            .FirstOrDefault();

    private static string Number(double value, string format) => double.IsNaN(value) ? "-" : value.ToString(format, CultureInfo.InvariantCulture);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
