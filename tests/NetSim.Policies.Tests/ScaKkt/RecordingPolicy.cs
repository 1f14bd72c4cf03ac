using NetSim.Network.Scheduling;

namespace NetSim.Policies.Tests.ScaKkt;

/// <summary>Passes decisions through from an inner policy and keeps them by task id.</summary>
internal sealed class RecordingPolicy(IPolicy inner) : IPolicy
{
    public Dictionary<long, Assignment> Decisions { get; } = new();

    public string Name => inner.Name;

    public IReadOnlyList<Assignment> Decide(Observation observation, IReadOnlyList<TaskView> batch)
    {
        var decisions = inner.Decide(observation, batch);
        foreach (var d in decisions)
        {
            Decisions.Add(d.TaskId, d);
        }

        return decisions;
    }
}
