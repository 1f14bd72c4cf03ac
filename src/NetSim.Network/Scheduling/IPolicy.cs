namespace NetSim.Network.Scheduling;

/// <summary>
/// A placement policy: the one narrow interface between the scheduler and any decision maker,
/// analytic or learned. At each decision epoch the scheduler passes the tasks awaiting a decision
/// and an <see cref="Observation"/> of the world as it is now (nothing of the future); the policy
/// returns exactly one <see cref="Assignment"/> per task.
/// </summary>
public interface IPolicy
{
    /// <summary>Name as written in scenario files, for example <c>nearest</c>.</summary>
    string Name { get; }

    /// <summary>Decides every task of <paramref name="batch"/>.</summary>
    IReadOnlyList<Assignment> Decide(Observation observation, IReadOnlyList<TaskView> batch);
}
