using NetSim.Plots.Figures;
using NetSim.Traces;

namespace NetSim.Plots.Building;

/// <summary>
/// Queue length over time of nodes of one run, as steps (a sample holds until the next): the nodes
/// the spec names, or the <see cref="MaxNodes"/> with the longest queues.
/// </summary>
internal static class QueueLengthFigure
{
    /// <summary>Nodes drawn at most: those with the longest queues.</summary>
    public const int MaxNodes = 8;

    public static FigureData Build(TraceReader reader, FigureSpec spec)
    {
        var runs = reader.Runs();
        long runId;
        if (spec.RunId is { } chosen)
        {
            if (runs.All(r => r.RunId != chosen))
            {
                throw new MissingDataException($"{reader.Source}: no run {chosen}");
            }

            runId = chosen;
        }
        else
        {
            var withSamples = runs.Where(r => r.Status == "complete").FirstOrDefault(r => reader.QueueSamples(r.RunId).Any());
            runId = withSamples?.RunId ?? throw new MissingDataException($"{reader.Source}: the queue_samples table has no rows of a complete run (run with --trace full)");
        }

        var samples = reader.QueueSamples(runId).ToList();
        if (samples.Count == 0)
        {
            throw new MissingDataException($"{reader.Source}: run {runId} has no queue_samples rows (run with --trace full)");
        }

        var byNode = samples.GroupBy(s => s.Node).Select(g => (Node: g.Key, Samples: g.ToList())).ToList();
        if (spec.Nodes.Count > 0)
        {
            var missing = spec.Nodes.Where(n => byNode.All(g => g.Node != n)).ToList();
            if (missing.Count > 0)
            {
                throw new MissingDataException($"{reader.Source}: run {runId} has no queue samples of {string.Join(", ", missing)} (its nodes: {string.Join(", ", byNode.Select(g => g.Node).Order(StringComparer.Ordinal))})");
            }

            byNode = [.. byNode.Where(g => spec.Nodes.Contains(g.Node))];
        }

        var nodes = byNode
            .OrderByDescending(g => g.Samples.Max(s => s.Length))
            .ThenBy(g => g.Node, StringComparer.Ordinal)
            .Take(spec.Nodes.Count > 0 ? spec.Nodes.Count : MaxNodes)
            .OrderBy(g => g.Node, StringComparer.Ordinal)
            .ToList();
        var series = nodes.Select((n, i) => new Series(n.Node, n.Samples.Select(s => s.Time).ToList(), n.Samples.Select(s => (double)s.Length).ToList(), null, SeriesStyle.Step, i)).ToList();
        return new FigureData(spec.Name, [new Panel($"run {runId}", "Time (s)", "Queue length (tasks)", series)]);
    }
}
