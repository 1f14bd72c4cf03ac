using System.Globalization;
using NetSim.Network.Metrics;
using Spectre.Console;

namespace NetSim.Cli.Sweeps;

/// <summary>The table a sweep ends with: one row per grid point and policy, mean ± 95% CI (Student t) over its complete replications.</summary>
internal static class SweepSummaryTable
{
    private static readonly (string Metric, string Label, double Scale)[] Columns =
    [
        ("mean_latency", "mean latency (ms)", 1e3),
        ("p95_latency", "p95 latency (ms)", 1e3),
        ("deadline_met_rate", "deadline met (%)", 100),
        ("completion_rate", "completed (%)", 100),
        ("mean_energy_j", "mean energy (mJ)", 1e3),
    ];

    public static Table Build(string title, IReadOnlyList<FinishedRun> runs)
    {
        var table = new Table().Title(Markup.Escape(title)).AddColumn("grid point").AddColumn("policy").AddColumn(new TableColumn("runs").RightAligned());
        foreach (var (_, label, _) in Columns)
        {
            table.AddColumn(new TableColumn(Markup.Escape(label)).RightAligned());
        }

        foreach (var group in runs.GroupBy(r => (r.Run.Point, r.Run.Policy)).OrderBy(g => g.Key.Point))
        {
            var complete = group.Where(r => r.Summary is not null).Select(r => r.Summary!).ToList();
            var cells = new List<string> { Markup.Escape(group.First().Run.PointLabel), Markup.Escape(group.Key.Policy), $"{complete.Count}/{group.Count()}" };
            foreach (var (metric, _, scale) in Columns)
            {
                var ci = ConfidenceInterval.Of(complete.Select(s => s.TryGetValue(metric, out var v) ? v * scale : double.NaN));
                cells.Add(ci.Count == 0 ? "-" : double.IsNaN(ci.HalfWidth) ? Number(ci.Mean) : $"{Number(ci.Mean)} ± {Number(ci.HalfWidth)}");
            }

            table.AddRow(cells.ToArray());
        }

        return table;
    }

    private static string Number(double v) => v.ToString("G4", CultureInfo.InvariantCulture);
}
