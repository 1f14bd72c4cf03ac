using NetSim.Network.Scheduling;

namespace NetSim.Bench.Optimal;

/// <summary>Each task to its device or a uniformly chosen edge server (Zhou et al.'s random baseline), for scoring only.</summary>
internal sealed class UniformRandomPolicy(Random random) : IPolicy
{
    public string Name => "uniform-random";

    public IReadOnlyList<Assignment> Decide(Observation observation, IReadOnlyList<TaskView> batch)
    {
        var result = new Assignment[batch.Count];
        for (var u = 0; u < batch.Count; u++)
        {
            var target = random.Next(-1, observation.EdgeCount);
            result[u] = target < 0 ? Assignment.Local(batch[u].Id) : Assignment.Edge(batch[u].Id, target);
        }

        return result;
    }
}
