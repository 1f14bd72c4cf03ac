using NetSim.Network.Scheduling;

namespace NetSim.Policies.Tests.Support;

/// <summary>Runs a probe on the observation at each epoch, then keeps every task local.</summary>
internal sealed class InspectPolicy(Action<Observation, IReadOnlyList<TaskView>> inspect) : IPolicy
{
    public string Name => "inspect";

    public IReadOnlyList<Assignment> Decide(Observation observation, IReadOnlyList<TaskView> batch)
    {
        inspect(observation, batch);
        return batch.Select(t => Assignment.Local(t.Id)).ToList();
    }
}
