using NetSim.Network.Scheduling;

namespace NetSim.Policies;

/// <summary>
/// <c>greedy-compatible</c>: the greedy baseline of Wang, Li and Wang (section IV-A), which
/// "prioritizes the nearest compatible ES; if no compatible ES is available, tasks are executed
/// locally with a fixed offloading ratio of 1.0". A compatible edge server is one that holds the
/// task's model ready now; the task goes whole to the nearest such server (by distance, lowest
/// index on ties), else runs wholly on its device (the paper's "ratio 1.0" is the share kept on the
/// device). It never asks for a model download: its assignments carry <c>Download = false</c>, so a
/// model evicted between the decision and the upload's arrival drops the task rather than fetch it.
/// <para>
/// Reads <see cref="Observation.EdgeCount"/>, <see cref="Observation.HasModel"/>,
/// <see cref="Observation.UePosition"/> and <see cref="Observation.EdgePosition"/>.
/// </para>
/// </summary>
public sealed class GreedyCompatiblePolicy : IPolicy
{
    /// <inheritdoc />
    public string Name => "greedy-compatible";

    /// <summary>The nearest edge server holding <paramref name="task"/>'s model, or -1.</summary>
    public static int NearestHolder(Observation observation, in TaskView task)
    {
        // The stations in range are all those within a distance; a holder among them is nearer
        // than any holder beyond it.
        var near = NearestHolder(observation, task, observation.StationsInRange(task.Ue), all: false);
        return near >= 0 ? near : NearestHolder(observation, task, [], all: true);
    }

    private static int NearestHolder(Observation observation, in TaskView task, ReadOnlySpan<int> stations, bool all)
    {
        var best = -1;
        var bestDistance = double.PositiveInfinity;
        var position = observation.UePosition(task.Ue);
        var count = all ? observation.EdgeCount : stations.Length;
        for (var i = 0; i < count; i++)
        {
            var m = all ? i : stations[i];
            if (!observation.HasModel(m, task.Model))
            {
                continue;
            }

            var distance = position.DistanceTo(observation.EdgePosition(m));
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = m;
            }
        }

        return best;
    }

    /// <inheritdoc />
    public IReadOnlyList<Assignment> Decide(Observation observation, IReadOnlyList<TaskView> batch)
    {
        var result = new Assignment[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var task = batch[i];
            var edge = NearestHolder(observation, task);
            result[i] = edge < 0
                ? Assignment.Local(task.Id)
                : Assignment.Edge(task.Id, edge) with { Download = false };
        }

        return result;
    }
}
