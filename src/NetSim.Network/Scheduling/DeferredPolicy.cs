namespace NetSim.Network.Scheduling;

/// <summary>
/// A policy whose decisions come from outside the simulation, for learning environments that
/// drive the run step by step. At each decision epoch the scheduler hands the batch to this policy
/// instead of calling <see cref="Decide"/>: <see cref="Pending"/> becomes non-null, and whoever
/// advances the simulation must stop, decide, and call <see cref="Resolve"/> before the next event
/// (the assignments then apply at the epoch's instant, exactly as a synchronous decision would).
/// </summary>
/// <param name="name">Name recorded with the tasks, for example the agent's.</param>
public sealed class DeferredPolicy(string name) : IPolicy
{
    private Action<IReadOnlyList<Assignment>>? _resume;

    /// <inheritdoc />
    public string Name { get; } = name;

    /// <summary>The tasks of the decision epoch awaiting <see cref="Resolve"/>, or null.</summary>
    public IReadOnlyList<TaskView>? Pending { get; private set; }

    /// <summary>Never called by the scheduler; deciding synchronously is what this policy defers.</summary>
    public IReadOnlyList<Assignment> Decide(Observation observation, IReadOnlyList<TaskView> batch) =>
        throw new InvalidOperationException($"policy {Name} decides through Resolve, not Decide");

    /// <summary>Applies the decisions of the pending epoch (checked as any policy's are).</summary>
    public void Resolve(IReadOnlyList<Assignment> decisions)
    {
        var resume = _resume ?? throw new InvalidOperationException($"policy {Name}: no decision epoch is pending");
        _resume = null;
        Pending = null;
        resume(decisions);
    }

    /// <summary>The scheduler parks an epoch's batch here.</summary>
    internal void Hold(IReadOnlyList<TaskView> batch, Action<IReadOnlyList<Assignment>> resume)
    {
        if (_resume is not null)
        {
            throw new InvalidOperationException($"policy {Name}: a decision epoch began at t={batch[0].Created} while another was still pending");
        }

        Pending = batch;
        _resume = resume;
    }
}
