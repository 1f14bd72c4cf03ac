using NetSim.Network.Scheduling;

namespace NetSim.Policies.Optimal;

/// <summary>Converts between a policy's <see cref="Assignment"/>s and the assignment vectors of an <see cref="EpochProblem"/>.</summary>
public static class EpochAssignments
{
    /// <summary>
    /// The vector of <paramref name="decisions"/> for <paramref name="batch"/>, so that any policy's
    /// decision can be scored with <see cref="EpochProblem.Evaluate"/>; null when a decision lies
    /// outside the model (the cloud, or a partial offloading ratio strictly between 0 and 1).
    /// Bandwidth shares and diffusion steps are ignored: the model shares equally.
    /// </summary>
    public static int[]? TryEncode(IReadOnlyList<TaskView> batch, IReadOnlyList<Assignment> decisions)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(decisions);
        var vector = new int[batch.Count];
        var seen = new bool[batch.Count];
        var position = new Dictionary<long, int>(batch.Count);
        for (var u = 0; u < batch.Count; u++)
        {
            position[batch[u].Id] = u;
        }

        foreach (var a in decisions)
        {
            if (!position.TryGetValue(a.TaskId, out var u) || seen[u])
            {
                throw new ArgumentException($"decision for task {a.TaskId}, which is not in the batch or is decided twice", nameof(decisions));
            }

            seen[u] = true;
            if (a.Target == Network.Tasks.TargetKind.Local || a.OffloadRatio == 0)
            {
                vector[u] = EpochProblem.Local;
            }
            else if (a.Target == Network.Tasks.TargetKind.Edge && a.OffloadRatio == 1)
            {
                vector[u] = a.Index;
            }
            else
            {
                return null;
            }
        }

        return Array.IndexOf(seen, false) < 0 ? vector : throw new ArgumentException("some tasks of the batch have no decision", nameof(decisions));
    }

    /// <summary>The assignments of <paramref name="solution"/>; a <see cref="PolicyException"/> when it has none.</summary>
    internal static IReadOnlyList<Assignment> Decode(IPolicy policy, Observation observation, IReadOnlyList<TaskView> batch, EpochSolution solution)
    {
        switch (solution.Status)
        {
            case SolveStatus.Infeasible:
                throw new PolicyException($"policy {policy.Name}: no assignment of the {batch.Count} tasks at t={observation.Now} meets every deadline (deadline: hard)");
            case SolveStatus.Unknown:
                throw new PolicyException($"policy {policy.Name}: the time limit ended the search at t={observation.Now} before any assignment of the {batch.Count} tasks was found; raise time_limit");
        }

        var result = new Assignment[batch.Count];
        for (var u = 0; u < batch.Count; u++)
        {
            var target = solution.Assignment[u];
            result[u] = target == EpochProblem.Local ? Assignment.Local(batch[u].Id) : Assignment.Edge(batch[u].Id, target);
        }

        return result;
    }
}
