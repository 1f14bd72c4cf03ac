using NetSim.Network.Scheduling;
using NetSim.Policies.Optimal;

namespace NetSim.Bench.Optimal;

/// <summary>Hands each epoch's problem to <paramref name="keep"/> and runs every task locally.</summary>
internal sealed class FirstEpochCapture(Action<EpochProblem> keep) : IPolicy
{
    public string Name => "capture";

    public IReadOnlyList<Assignment> Decide(Observation observation, IReadOnlyList<TaskView> batch)
    {
        keep(EpochProblemFactory.FromObservation(observation, batch, EpochSettings.Default));
        return batch.Select(t => Assignment.Local(t.Id)).ToList();
    }
}
