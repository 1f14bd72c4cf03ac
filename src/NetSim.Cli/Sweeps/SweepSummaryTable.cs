using NetSim.Network.Metrics;
using Spectre.Console;

namespace NetSim.Cli.Sweeps;

/// <summary>
/// The table a sweep ends with: one row per grid point and policy, the metrics of
/// <see cref="MetricCatalog.Sweep"/> as mean ± 95% CI (Student t) over the point's complete
/// replications, each column titled with its population.
/// </summary>
internal static class SweepSummaryTable
{
    public static Table Build(string title, IReadOnlyList<FinishedRun> runs)
    {
        var table = new Table().Title(Markup.Escape(title)).AddColumn("grid point").AddColumn("policy").AddColumn(new TableColumn("complete runs").RightAligned());
        foreach (var metric in MetricCatalog.Sweep)
        {
            table.AddColumn(new TableColumn(Markup.Escape(metric.Title)).RightAligned());
        }

        foreach (var group in runs.GroupBy(r => (r.Run.Point, r.Run.Policy)).OrderBy(g => g.Key.Point))
        {
            var complete = group.Where(r => r.Summary is not null).Select(r => r.Summary!).ToList();
            var cells = new List<string> { Markup.Escape(group.First().Run.PointLabel), Markup.Escape(group.Key.Policy), $"{complete.Count}/{group.Count()}" };
            foreach (var metric in MetricCatalog.Sweep)
            {
                cells.Add(Markup.Escape(MetricText.Cell(metric, complete.Select(s => s.TryGetValue(metric.Name, out var v) ? v : double.NaN).ToList())));
            }

            table.AddRow(cells.ToArray());
        }

        return table;
    }
}
