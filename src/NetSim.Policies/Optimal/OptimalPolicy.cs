using NetSim.Network.Scheduling;

namespace NetSim.Policies.Optimal;

/// <summary>
/// <c>optimal</c>: the optimal joint assignment of one decision epoch's batch under problem (1) of
/// Zhou et al. (section III, see <see cref="EpochProblem"/>: shared bandwidth and server compute,
/// mean latency), solved exactly with OR-Tools CP-SAT (<see cref="CpSatSolver"/>) under a time
/// limit; when the limit ends the search, the best assignment found is used and the proven gap is
/// in <see cref="LastSolution"/>. Beyond the papers: the reference they never had.
/// Reads the observation members listed at <see cref="EpochProblemFactory.FromObservation"/>.
/// Options: <c>time_limit</c> (default 10 s per epoch), <c>deadline</c> (<c>none</c>,
/// <c>penalty</c> or <c>hard</c>; default none) and <c>deadline_penalty</c> (default 1 s).
/// </summary>
public sealed class OptimalPolicy : IPolicy, IPolicyMetrics
{
    /// <summary>Default time limit of one epoch's search, seconds.</summary>
    public const double DefaultTimeLimit = 10;

    private readonly EpochSettings _settings;

    /// <summary>What the policy takes: its options and no checkpoint.</summary>
    public static PolicyInputs Takes { get; } = new(["time_limit", "deadline", "deadline_penalty"], false);

    /// <summary>Builds the policy from its context's options.</summary>
    public OptimalPolicy(PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var reader = new PolicyOptionReader(context, Takes);
        TimeLimit = reader.Seconds("time_limit", DefaultTimeLimit);
        _settings = reader.Settings();
    }

    /// <inheritdoc />
    public string Name => "optimal";

    /// <summary>Time limit of one epoch's search, seconds.</summary>
    public double TimeLimit { get; }

    /// <summary>The last epoch's solution (status, objective, bound, gap), or null before the first.</summary>
    public EpochSolution? LastSolution => Log.Last;

    /// <summary>The solves of this run: the last solution and figures over all epochs.</summary>
    public SolveLog Log { get; } = new();

    /// <inheritdoc />
    public IReadOnlyDictionary<string, double> Metrics => Log.Metrics;

    /// <inheritdoc />
    public IReadOnlyList<Assignment> Decide(Observation observation, IReadOnlyList<TaskView> batch)
    {
        var problem = EpochProblemFactory.FromObservation(observation, batch, _settings);
        var solution = CpSatSolver.Solve(problem, TimeLimit);
        Log.Add(solution);
        return EpochAssignments.Decode(this, observation, batch, solution);
    }
}
