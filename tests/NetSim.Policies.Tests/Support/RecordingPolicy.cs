using NetSim.Network.Scheduling;

namespace NetSim.Policies.Tests.Support;

/// <summary>Passes every epoch to the policy under test and keeps its decisions and batch sizes.</summary>
internal sealed class RecordingPolicy(IPolicy underTest) : IPolicy
{
    public string Name => underTest.Name;

    public List<Assignment> Decisions { get; } = new();

    public List<int> Epochs { get; } = new();

    public IReadOnlyList<Assignment> Decide(Observation observation, IReadOnlyList<TaskView> batch)
    {
        var decided = underTest.Decide(observation, batch);
        Decisions.AddRange(decided);
        Epochs.Add(batch.Count);
        return decided;
    }
}
