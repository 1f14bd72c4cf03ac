using NetSim.Network.Scheduling;
using NetSim.Policies.Tests.Support;

namespace NetSim.Policies.Tests;

/// <summary>Runs <paramref name="inner"/>'s decisions, and first hands every epoch's observation and batch to <paramref name="probe"/>.</summary>
internal sealed class EpochProbe(IPolicy inner, Action<Observation, IReadOnlyList<TaskView>> probe) : IPolicy
{
    public string Name => inner.Name;

    public IReadOnlyList<Assignment> Decide(Observation observation, IReadOnlyList<TaskView> batch)
    {
        probe(observation, batch);
        return inner.Decide(observation, batch);
    }
}
