namespace NetSim.Policies.Optimal;

/// <summary>How an <see cref="EpochProblem"/> treats the deadline bound C4 of problem (1) of Zhou et al.</summary>
public enum DeadlineMode
{
    /// <summary>Ignored: the objective is the mean latency alone (the default).</summary>
    None,

    /// <summary>
    /// A penalty: each task whose modelled latency exceeds the time left to its deadline adds a
    /// fixed number of seconds to its term of the objective.
    /// </summary>
    Penalty,

    /// <summary>
    /// A hard constraint: an assignment in which any task misses its deadline is infeasible
    /// (its objective is +infinity); when no assignment is feasible the policies say so.
    /// </summary>
    Hard,
}
