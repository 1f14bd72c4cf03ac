using NetSim.Network.Recording;
using NetSim.Plots.Data;
using NetSim.Plots.Figures;
using NetSim.Traces;

namespace NetSim.Plots.Building;

/// <summary>Empirical CDF of the latency of completed tasks, pooled over each policy's runs.</summary>
internal static class LatencyCdfFigure
{
    public static FigureData Build(TraceReader reader, FigureSpec spec)
    {
        var runs = RunSet.Load(reader, spec.Filters, spec.Policies);
        var series = new List<Series>();
        var groups = SeriesGroups.Of(runs, spec);
        for (var g = 0; g < groups.Count; g++)
        {
            var latencies = groups[g].Runs.SelectMany(r => reader.Tasks(r.Row.RunId)).Where(t => t.Status == TaskOutcome.Completed).Select(t => t.Latency * 1e3).ToList();
            if (latencies.Count == 0)
            {
                throw new MissingDataException($"{reader.Source}: no completed task rows for {groups[g].Label} (run with --trace tasks or full)");
            }

            var (x, y) = EmpiricalCdf.Of(latencies);
            series.Add(new Series(groups[g].Label, x, y, null, SeriesStyle.Step, g));
        }

        return new FigureData(spec.Name, [new Panel(string.Empty, "Latency of a completed task (ms)", "Fraction of completed tasks", series)]);
    }
}
