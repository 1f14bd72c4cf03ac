using NetSim.Network.Scheduling;

namespace NetSim.Network.Policies;

/// <summary>
/// <c>local</c>: every task runs on its own device (the all-local baseline of every paper).
/// Reads no observation field.
/// </summary>
public sealed class LocalPolicy : IPolicy
{
    /// <inheritdoc />
    public string Name => "local";

    /// <inheritdoc />
    public IReadOnlyList<Assignment> Decide(Observation observation, IReadOnlyList<TaskView> batch)
    {
        var result = new Assignment[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            result[i] = Assignment.Local(batch[i].Id);
        }

        return result;
    }
}
