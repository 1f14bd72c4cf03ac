using NetSim.Network.Metrics;
using NetSim.Plots.Data;
using NetSim.Plots.Figures;
using NetSim.Traces;

namespace NetSim.Plots.Building;

/// <summary>
/// Metrics against a swept parameter: per series and X value, the mean over replications and its
/// 95% Student-t half-width. A metric with <see cref="MetricSpec.IfUnfinished"/> (the papers'
/// latency) is replaced in its whole panel when any plotted run left tasks unfinished or dropped
/// (<see cref="Plotted"/>), and the axis label then names the metric drawn.
/// </summary>
internal static class SweepFigure
{
    public static FigureData Build(TraceReader reader, FigureSpec spec)
    {
        if (spec.X.Length == 0 || spec.Metrics.Count == 0)
        {
            throw new ArgumentException($"figure {spec.Name}: a sweep figure needs an X parameter and at least one metric", nameof(spec));
        }

        var runs = RunSet.Load(reader, spec.Filters, spec.Policies);
        var withX = runs.Where(r => r.Value(spec.X) is not null).ToList();
        if (withX.Count == 0)
        {
            throw new MissingDataException($"{reader.Source}: no run has a value of '{spec.X}' for the X axis, in its params or its scenario (sweep it: sweep.parameters.{spec.X})");
        }

        var bad = withX.Select(r => r.Value(spec.X)!).FirstOrDefault(v => double.IsNaN(ParamValue.Number(v)));
        if (bad is not null)
        {
            throw new MissingDataException($"{reader.Source}: parameter '{spec.X}' has the value '{bad}', which is not a number");
        }

        var groups = SeriesGroups.Of(withX, spec);
        var panels = new List<Panel>();
        foreach (var declared in spec.Metrics)
        {
            var metric = Plotted(declared, withX, reader.Source);
            var present = withX.Where(r => r.Summary.TryGetValue(metric.Metric, out var v) && !double.IsNaN(v)).ToList();
            if (present.Count == 0)
            {
                throw new MissingDataException($"{reader.Source}: metric '{metric.Metric}' is not in the summary table of any run with '{spec.X}' (known: {string.Join(", ", withX.SelectMany(r => r.Summary.Keys).Distinct().Order(StringComparer.Ordinal))})");
            }

            var series = new List<Series>();
            for (var g = 0; g < groups.Count; g++)
            {
                var points = groups[g].Runs
                    .GroupBy(r => ParamValue.Number(r.Value(spec.X)!))
                    .OrderBy(p => p.Key)
                    .Select(p => (X: p.Key, Ci: ConfidenceInterval.Of(p.Select(r => Value(r, metric, p.Key)))))
                    .Where(p => p.Ci.Count > 0)
                    .ToList();
                series.Add(new Series(groups[g].Label, points.Select(p => p.X * spec.XScale).ToList(), points.Select(p => p.Ci.Mean).ToList(), points.Select(p => p.Ci.HalfWidth).ToList(), SeriesStyle.LineMarkers, g));
            }

            panels.Add(new Panel(spec.Metrics.Count > 1 ? $"({(char)('a' + panels.Count)})" : string.Empty, spec.XLabel.Length > 0 ? spec.XLabel : MetricLabels.ForParameter(spec.X), metric.Label, series, LogY: metric.LogY));
        }

        return new FigureData(spec.Name, panels);
    }

    /// <summary>
    /// The metric a panel draws: <paramref name="metric"/> itself, or, when it has an
    /// <see cref="MetricSpec.IfUnfinished"/> metric and any of <paramref name="runs"/> left tasks
    /// unfinished or dropped, that metric for every series (so that no policy is drawn over its
    /// completed tasks beside another over all of its tasks). This is the one place the rule lives.
    /// </summary>
    private static MetricSpec Plotted(MetricSpec metric, IReadOnlyList<RunData> runs, string source)
    {
        if (metric.IfUnfinished is not { } instead || !runs.Any(LeftTasksUnfinished))
        {
            return metric;
        }

        var lacking = runs.Where(r => !r.Summary.ContainsKey(instead.Metric)).Select(r => r.Row.RunId).ToList();
        if (lacking.Count > 0)
        {
            throw new MissingDataException($"{source}: some runs left tasks unfinished, so the panel of '{metric.Metric}' draws '{instead.Metric}', which run{(lacking.Count == 1 ? string.Empty : "s")} {string.Join(", ", lacking)} did not record (made by an older version: run them again)");
        }

        return metric with { Metric = instead.Metric, Label = instead.Label, Scale = instead.Scale, IfUnfinished = null };
    }

    /// <summary>Whether a run's completion rate is below 1 or, in a summary without one, it counts dropped or unfinished tasks.</summary>
    private static bool LeftTasksUnfinished(RunData run)
    {
        if (run.Summary.TryGetValue(MetricCatalog.CompletionRate.Name, out var rate) && !double.IsNaN(rate))
        {
            return rate < 1;
        }

        return Count(run, MetricCatalog.TasksDropped.Name) + Count(run, MetricCatalog.TasksUnfinished.Name) > 0;
    }

    private static double Count(RunData run, string metric) => run.Summary.TryGetValue(metric, out var v) && !double.IsNaN(v) ? v : 0;

    private static double Value(RunData run, MetricSpec metric, double x) =>
        run.Summary.TryGetValue(metric.Metric, out var v) ? v * metric.Scale * (metric.TimesX ? x : 1) : double.NaN;
}
