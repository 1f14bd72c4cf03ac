using System.Globalization;
using NetSim.Network.Metrics;
using Spectre.Console;

namespace NetSim.Cli;

/// <summary>The summary table every run ends with: one row per metric, mean and 95% confidence over replications.</summary>
internal static class SummaryTable
{
    private static readonly (string Metric, string Label, double Scale, string Unit)[] Rows =
    [
        ("mean_latency", "mean latency", 1e3, "ms"),
        ("p50_latency", "p50 latency", 1e3, "ms"),
        ("p95_latency", "p95 latency", 1e3, "ms"),
        ("p99_latency", "p99 latency", 1e3, "ms"),
        ("deadline_met_rate", "deadline met", 100, "%"),
        ("completion_rate", "completed", 100, "%"),
        ("mean_energy_j", "mean energy", 1e3, "mJ"),
        ("mean_quality", "mean quality (utility)", 1, string.Empty),
        ("throughput_tasks_per_s", "throughput", 1, "tasks/s"),
        ("tasks_created", "tasks created", 1, string.Empty),
    ];

    public static Table Build(string title, IReadOnlyList<IReadOnlyDictionary<string, double>> runs)
    {
        var table = new Table().Title(Markup.Escape(title)).AddColumn("metric").AddColumn(new TableColumn(runs.Count > 1 ? $"mean ± 95% CI ({runs.Count} replications)" : "value").RightAligned());
        var metrics = Rows.Select(r => (r.Metric, r.Label, r.Scale, r.Unit)).ToList();
        metrics.AddRange(runs.SelectMany(r => r.Keys).Where(k => k.StartsWith("utilisation:", StringComparison.Ordinal)).Distinct().Order(StringComparer.Ordinal)
            .Select(k => (k, k.Replace("utilisation:", "utilisation ", StringComparison.Ordinal), 100.0, "%")));
        metrics.AddRange(runs.SelectMany(r => r.Keys).Where(k => k.StartsWith("policy:", StringComparison.Ordinal)).Distinct().Order(StringComparer.Ordinal)
            .Select(k => (k, k.Replace("policy:", "policy ", StringComparison.Ordinal), 1.0, string.Empty)));
        foreach (var (metric, label, scale, unit) in metrics)
        {
            var ci = ConfidenceInterval.Of(runs.Select(r => r.TryGetValue(metric, out var v) ? v * scale : double.NaN));
            if (ci.Count == 0)
            {
                continue;
            }

            var text = double.IsNaN(ci.HalfWidth) ? Number(ci.Mean) : $"{Number(ci.Mean)} ± {Number(ci.HalfWidth)}";
            table.AddRow(Markup.Escape(label), Markup.Escape($"{text} {unit}".TrimEnd()));
        }

        return table;
    }

    private static string Number(double v) => Math.Abs(v) >= 1000 ? v.ToString("N0", CultureInfo.InvariantCulture) : v.ToString("G4", CultureInfo.InvariantCulture);
}
