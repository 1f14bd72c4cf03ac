using NetSim.Network.Scheduling;

namespace NetSim.Network.Policies;

/// <summary>
/// <c>nearest</c>: every task is offloaded whole to the edge server beside the base station nearest
/// to its UE (lowest index on ties); local when the scenario has no base station.
/// Reads <see cref="Observation.UePosition"/> and <see cref="Observation.EdgePosition"/>.
/// </summary>
public sealed class NearestPolicy : IPolicy
{
    /// <inheritdoc />
    public string Name => "nearest";

    /// <inheritdoc />
    public IReadOnlyList<Assignment> Decide(Observation observation, IReadOnlyList<TaskView> batch)
    {
        var result = new Assignment[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var edge = observation.NearestStation(batch[i].Ue);
            result[i] = edge < 0 ? Assignment.Local(batch[i].Id) : Assignment.Edge(batch[i].Id, edge);
        }

        return result;
    }
}
