using NetSim.Network.Metrics;
using Spectre.Console;

namespace NetSim.Cli;

/// <summary>
/// The summary table every run ends with: one row per metric of <see cref="MetricCatalog.Summary"/>
/// (then utilisation and the policy's own figures), the population it is over, and its mean with
/// the 95% Student-t interval over replications.
/// </summary>
internal static class SummaryTable
{
    public static Table Build(string title, IReadOnlyList<IReadOnlyDictionary<string, double>> runs)
    {
        var over = runs.Count > 1 ? $"mean ± 95% CI (Student t) over {runs.Count} replications" : "1 replication";
        var table = new Table().Title(Markup.Escape($"{title} · {over}")).AddColumn("metric").AddColumn("over").AddColumn(new TableColumn(runs.Count > 1 ? "mean ± 95% CI" : "value").RightAligned());
        var metrics = MetricCatalog.Summary.ToList();
        foreach (var prefix in new[] { MetricCatalog.UtilisationPrefix, MetricCatalog.PolicyPrefix })
        {
            metrics.AddRange(runs.SelectMany(r => r.Keys).Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Distinct().Order(StringComparer.Ordinal).Select(MetricCatalog.For));
        }

        foreach (var metric in metrics)
        {
            var values = runs.Select(r => r.TryGetValue(metric.Name, out var v) ? v : double.NaN).ToList();
            // A metric with no value in any replication (quality without diffusion models, the deadline
            // rate without deadlines) is left out, except the mean latency: "-" there says nothing completed.
            if (values.All(double.IsNaN) && metric != MetricCatalog.MeanLatency)
            {
                continue;
            }

            table.AddRow(Markup.Escape(metric.Label), Markup.Escape(metric.Over), Markup.Escape(MetricText.Cell(metric, values, withUnit: true)));
        }

        return table;
    }
}
