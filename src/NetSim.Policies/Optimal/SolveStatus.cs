namespace NetSim.Policies.Optimal;

/// <summary>How a solve of an <see cref="EpochProblem"/> ended.</summary>
public enum SolveStatus
{
    /// <summary>The assignment is optimal (for CP-SAT: within the stated scaling error).</summary>
    Optimal,

    /// <summary>The time limit ended the search: the assignment is the best found, with a proven gap.</summary>
    Feasible,

    /// <summary>No assignment meets every hard deadline.</summary>
    Infeasible,

    /// <summary>The time limit ended the search before any assignment was found.</summary>
    Unknown,
}
