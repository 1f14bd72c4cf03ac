using NetSim.Network.Scheduling;
using NetSim.Network.Tasks;

namespace NetSim.Policies.Tests.Support;

/// <summary>
/// Sends every task of the loader UEs to a fixed edge (to build a backlog by hand) and asks the
/// policy under test about the probe UE's tasks only, keeping its decisions.
/// </summary>
internal sealed class ProbePolicy(IPolicy underTest, int probeUe, int loaderEdge) : IPolicy
{
    public string Name => underTest.Name;

    public List<Assignment> ProbeDecisions { get; } = new();

    public IReadOnlyList<Assignment> Decide(Observation observation, IReadOnlyList<TaskView> batch)
    {
        var probes = batch.Where(t => t.Ue == probeUe).ToList();
        var decided = probes.Count > 0 ? underTest.Decide(observation, probes) : [];
        ProbeDecisions.AddRange(decided);
        var loaders = batch.Where(t => t.Ue != probeUe).Select(t => new Assignment(t.Id, TargetKind.Edge, loaderEdge));
        return decided.Concat(loaders).ToList();
    }
}
