using NetSim.Network.Metrics;
using NetSim.Network.Recording;
using NetSim.Plots.Data;
using NetSim.Plots.Figures;
using NetSim.Traces;

namespace NetSim.Plots.Building;

/// <summary>
/// Mean latency of completed tasks per policy, split from the task timestamps into grant wait
/// (grant_wait: waiting for an uplink grant), upload (upload_end - upload_start), model wait (model_wait), queue (service_start - queue_enter),
/// compute (service_end - service_start) and the rest (decision wait, backhaul, result return:
/// mean latency minus the five, at least 0), as stacked bars.
/// </summary>
internal static class LatencyBreakdownFigure
{
    /// <summary>Segment names, bottom to top.</summary>
    public static IReadOnlyList<string> Segments { get; } = ["Grant wait", "Upload", "Model wait", "Queue", "Compute", "Other"];

    public static FigureData Build(TraceReader reader, FigureSpec spec)
    {
        var runs = RunSet.Load(reader, spec.Filters, spec.Policies);
        var groups = SeriesGroups.Of(runs, spec);
        var means = new double[Segments.Count][];
        for (var s = 0; s < Segments.Count; s++)
        {
            means[s] = new double[groups.Count];
        }

        for (var g = 0; g < groups.Count; g++)
        {
            var tasks = groups[g].Runs.SelectMany(r => reader.Tasks(r.Row.RunId)).Where(t => t.Status == TaskOutcome.Completed).ToList();
            if (tasks.Count == 0)
            {
                throw new MissingDataException($"{reader.Source}: no completed task rows for {groups[g].Label} (run with --trace tasks or full)");
            }

            var parts = new[]
            {
                tasks.Average(t => double.IsNaN(t.GrantWait) ? 0 : t.GrantWait),
                tasks.Average(t => Span(t.UploadStart, t.UploadEnd)),
                tasks.Average(t => double.IsNaN(t.ModelWait) ? 0 : t.ModelWait),
                tasks.Average(t => Span(t.QueueEnter, t.ServiceStart)),
                tasks.Average(t => Span(t.ServiceStart, t.ServiceEnd)),
            };
            var latency = tasks.Average(t => t.Latency);
            for (var s = 0; s < parts.Length; s++)
            {
                means[s][g] = parts[s] * 1e3;
            }

            means[^1][g] = Math.Max(0, latency - parts.Sum()) * 1e3;
        }

        var positions = Enumerable.Range(0, groups.Count).Select(p => (double)p).ToList();
        var series = Segments.Select((name, s) => new Series(name, positions, means[s], null, SeriesStyle.StackedBar, s)).ToList();
        var ticks = groups.Select((g, i) => ((double)i, g.Label)).ToList();
        return new FigureData(spec.Name, [new Panel(string.Empty, string.Empty, MetricCatalog.MeanLatency.Title, series, ticks)]);
    }

    private static double Span(double from, double to) => double.IsNaN(from) || double.IsNaN(to) ? 0 : to - from;
}
