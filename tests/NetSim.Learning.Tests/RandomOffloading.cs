using NetSim.Network.Scheduling;

namespace NetSim.Learning.Tests;

/// <summary>Zhou et al.'s random baseline: each task to its device or to an edge server, uniformly.</summary>
internal sealed class RandomOffloading(Random random) : IPolicy
{
    public string Name => "random";

    public IReadOnlyList<Assignment> Decide(Observation observation, IReadOnlyList<TaskView> batch) =>
        batch.Select(t =>
        {
            var choice = random.Next(1 + observation.EdgeCount);
            return choice == 0 ? Assignment.Local(t.Id) : Assignment.Edge(t.Id, choice - 1);
        }).ToArray();
}
