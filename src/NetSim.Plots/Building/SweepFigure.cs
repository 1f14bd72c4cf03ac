using NetSim.Network.Metrics;
using NetSim.Plots.Data;
using NetSim.Plots.Figures;
using NetSim.Traces;

namespace NetSim.Plots.Building;

/// <summary>Metrics against a swept parameter: per series and X value, the mean over replications and its 95% Student-t half-width.</summary>
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
        foreach (var metric in spec.Metrics)
        {
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

    private static double Value(RunData run, MetricSpec metric, double x) =>
        run.Summary.TryGetValue(metric.Metric, out var v) ? v * metric.Scale * (metric.TimesX ? x : 1) : double.NaN;
}
