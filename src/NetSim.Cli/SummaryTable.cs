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
        var table = new Table().Title(Markup.Escape($"{title} · {Over(runs.Count)}")).AddColumn("metric").AddColumn("over").AddColumn(new TableColumn(runs.Count > 1 ? "mean ± 95% CI" : "value").RightAligned());
        foreach (var row in Rows(runs))
        {
            table.AddRow(Markup.Escape(row.Metric.Label), Markup.Escape(row.Over), Markup.Escape(row.Text));
        }

        if (BatchWarning(runs) is { } warning)
        {
            table.Caption(Markup.Escape(warning), new Style(Color.Yellow));
        }

        return table;
    }

    /// <summary>
    /// How much each replication's warm-up cut left out, in seconds and tasks ("warm-up cut:
    /// replication 0: 120 s, 95 tasks; ..."), from the summaries' <c>warmup_cut_s</c> and
    /// <c>warmup_cut_tasks</c>; replications are numbered as <paramref name="replications"/> gives them.
    /// </summary>
    public static string WarmupLine(IReadOnlyList<int> replications, IReadOnlyList<IReadOnlyDictionary<string, double>> runs)
    {
        var parts = runs.Select((r, i) =>
        {
            var seconds = r.TryGetValue(MetricCatalog.WarmupCut.Name, out var s) ? s : double.NaN;
            var tasks = r.TryGetValue(MetricCatalog.WarmupTasks.Name, out var t) ? t : double.NaN;
            return double.IsNaN(seconds)
                ? $"replication {replications[i]}: not recorded (written before warm-up existed)"
                : $"replication {replications[i]}: {MetricText.Number(seconds)} s, {tasks:N0} tasks";
        });
        return $"warm-up cut (tasks created before it are left out of every statistic above): {string.Join("; ", parts)}";
    }

    /// <summary>The warning a single run's summary carries when its batch means are correlated (|lag-1| above 0.2), or null.</summary>
    public static string? BatchWarning(IReadOnlyList<IReadOnlyDictionary<string, double>> runs)
    {
        if (runs.Count != 1 || !runs[0].TryGetValue(MetricCatalog.BatchLag1.Name, out var lag1) || !(Math.Abs(lag1) > BatchMeansResult.CorrelatedAbove))
        {
            return null;
        }

        var size = runs[0].TryGetValue(MetricCatalog.BatchSize.Name, out var s) ? s : double.NaN;
        return $"warning: the batch means' lag-1 autocorrelation is {lag1:0.00} (|r1| > {BatchMeansResult.CorrelatedAbove:0.0}): batches of {size:N0} tasks are too short to be independent, so the batch-means interval is not to be trusted; lengthen the run (duration) or use fewer batches (batch_means)";
    }

    /// <summary>What the cells are over: one replication, or the mean and interval over several.</summary>
    public static string Over(int replications) =>
        replications > 1 ? $"mean ± 95% CI (Student t) over {replications} replications" : "1 replication";

    /// <summary>
    /// The table's rows: each metric shown, the population it is over (a task population says "after
    /// warm-up" when a warm-up cut left tasks out of any of the runs), its value in every replication
    /// (NaN where it had none) and the cell's text.
    /// </summary>
    public static IReadOnlyList<(Metric Metric, string Over, IReadOnlyList<double> Values, string Text)> Rows(IReadOnlyList<IReadOnlyDictionary<string, double>> runs)
    {
        var cut = runs.Any(r => r.TryGetValue(MetricCatalog.WarmupCut.Name, out var seconds) && seconds > 0);
        var metrics = MetricCatalog.Summary.ToList();
        foreach (var prefix in new[] { MetricCatalog.UtilisationPrefix, MetricCatalog.PolicyPrefix })
        {
            metrics.AddRange(runs.SelectMany(r => r.Keys).Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Distinct().Order(StringComparer.Ordinal).Select(MetricCatalog.For));
        }

        var rows = new List<(Metric, string, IReadOnlyList<double>, string)>();
        foreach (var metric in metrics)
        {
            var values = runs.Select(r => r.TryGetValue(metric.Name, out var v) ? v : double.NaN).ToList();
            // A metric with no value in any replication (quality without diffusion models, the deadline
            // rate without deadlines) is left out, except the mean latency: "-" there says nothing completed.
            if (values.All(double.IsNaN) && metric != MetricCatalog.MeanLatency)
            {
                continue;
            }

            rows.Add((metric, MetricCatalog.Over(metric, cut), values, MetricText.Cell(metric, values, withUnit: true)));
        }

        return rows;
    }
}
