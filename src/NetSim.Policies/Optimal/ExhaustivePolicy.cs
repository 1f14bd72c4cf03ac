using NetSim.Network.Scheduling;

namespace NetSim.Policies.Optimal;

/// <summary>
/// <c>exhaustive</c>: the optimal joint assignment of one decision epoch's batch under problem (1)
/// of Zhou et al. (section III, see <see cref="EpochProblem"/>), found by enumerating all
/// (M + 1)^U assignments (<see cref="ExhaustiveSolver"/>); it exists to check <c>optimal</c>.
/// Refuses batches of more than <see cref="ExhaustiveSolver.MaxTasks"/> tasks.
/// Reads the observation members listed at <see cref="EpochProblemFactory.FromObservation"/>.
/// Options: <c>deadline</c> (<c>none</c>, <c>penalty</c> or <c>hard</c>; default none) and
/// <c>deadline_penalty</c> (default 1 s).
/// </summary>
public sealed class ExhaustivePolicy : IPolicy, IPolicyMetrics
{
    private readonly EpochSettings _settings;

    /// <summary>What the policy takes: its options and no checkpoint.</summary>
    public static PolicyInputs Takes { get; } = new(["deadline", "deadline_penalty"], false);

    /// <summary>Builds the policy from its context's options.</summary>
    public ExhaustivePolicy(PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _settings = new PolicyOptionReader(context, Takes).Settings();
    }

    /// <inheritdoc />
    public string Name => "exhaustive";

    /// <summary>The last epoch's solution, or null before the first.</summary>
    public EpochSolution? LastSolution => Log.Last;

    /// <summary>The solves of this run: the last solution and figures over all epochs.</summary>
    public SolveLog Log { get; } = new();

    /// <inheritdoc />
    public IReadOnlyDictionary<string, double> Metrics => Log.Metrics;

    /// <inheritdoc />
    public IReadOnlyList<Assignment> Decide(Observation observation, IReadOnlyList<TaskView> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count > ExhaustiveSolver.MaxTasks)
        {
            throw new PolicyException($"policy exhaustive: the batch at t={observation.Now} has {batch.Count} tasks, more than the {ExhaustiveSolver.MaxTasks} it enumerates ((M + 1)^U assignments); use 'optimal' for larger batches");
        }

        var problem = EpochProblemFactory.FromObservation(observation, batch, _settings);
        var solution = ExhaustiveSolver.Solve(problem);
        Log.Add(solution);
        return EpochAssignments.Decode(this, observation, batch, solution);
    }
}
