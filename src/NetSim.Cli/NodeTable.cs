using NetSim.Network.Metrics;
using NetSim.Traces;
using Spectre.Console;

namespace NetSim.Cli;

/// <summary>
/// The per-node queue table of a group of runs, the one place <c>netsim report</c> and its HTML page
/// take it from: one row per measured node, each column the mean over the group's replications of a
/// <c>node_stats</c> column (with its 95% Student-t interval when there are several), over each
/// run's measured interval from the warm-up cut to the end of arrivals.
/// </summary>
internal static class NodeTable
{
    /// <summary>The columns shown: <c>node_stats</c> column, header, and the factor to the shown unit.</summary>
    public static readonly IReadOnlyList<(string Column, string Header, double Scale)> Columns =
    [
        ("utilisation", "utilisation (%)", 100),
        ("mean_in_queue", "Lq", 1),
        ("mean_in_service", "in service", 1),
        ("mean_wait_s", "Wq (s)", 1),
        ("p95_wait_s", "p95 wait (s)", 1),
        ("mean_sojourn_s", "W (s)", 1),
        ("arrival_rate", "λ (1/s)", 1),
        ("throughput", "throughput (1/s)", 1),
        ("little_l", "L", 1),
        ("little_lambda_w", "λW", 1),
        ("little_diff", "L − λW", 1),
    ];

    /// <summary>What the cells are over.</summary>
    public static string Over(int replications) =>
        $"each run's measured interval (warm-up cut to end of arrivals; waits of the jobs arriving in it); {SummaryTable.Over(replications)}";

    /// <summary>The rows: node, kind, and per column the interval of its values over the runs (scaled to the shown unit).</summary>
    public static IReadOnlyList<(string Node, string Kind, IReadOnlyList<ConfidenceInterval> Cells)> Rows(IReadOnlyList<IReadOnlyList<NodeStatsRow>> runs)
    {
        var nodes = runs.SelectMany(r => r).Select(n => (n.Node, n.Kind)).Distinct().ToList();
        return nodes.Select(node => (node.Node, node.Kind, (IReadOnlyList<ConfidenceInterval>)Columns.Select(column => ConfidenceInterval.Of(runs
            .Select(r => r.FirstOrDefault(n => n.Node == node.Node))
            .Where(n => n is not null)
            .Select(n => n!.Values.TryGetValue(column.Column, out var v) ? v * column.Scale : double.NaN))).ToList())).ToList();
    }

    /// <summary>A cell's text: the mean, and with several runs its half-width.</summary>
    public static string Cell(ConfidenceInterval interval) =>
        interval.Count == 0 || double.IsNaN(interval.Mean) ? "-"
        : interval.Count > 1 && !double.IsNaN(interval.HalfWidth) ? $"{Number(interval.Mean)} ± {Number(interval.HalfWidth)}"
        : Number(interval.Mean);

    /// <summary>
    /// The terminal table of a group, or null when its runs have no <c>node_stats</c> rows: one column
    /// per node and one row per figure, so that it fits a terminal however many figures there are.
    /// </summary>
    public static Table? Build(string title, IReadOnlyList<IReadOnlyList<NodeStatsRow>> runs)
    {
        var rows = Rows(runs);
        if (rows.Count == 0)
        {
            return null;
        }

        var table = new Table().Title(Markup.Escape($"{title} · per node · {Over(runs.Count)}")).AddColumn("figure");
        foreach (var (node, kind, _) in rows)
        {
            table.AddColumn(new TableColumn(Markup.Escape($"{node} ({kind})")).RightAligned());
        }

        for (var c = 0; c < Columns.Count; c++)
        {
            table.AddRow([Markup.Escape(Columns[c].Header), .. rows.Select(r => Markup.Escape(Cell(r.Cells[c])))]);
        }

        return table;
    }

    private static string Number(double value) => MetricText.Number(value);
}
