namespace NetSim.Policies.Optimal;

/// <summary>How an <see cref="EpochProblem"/> is posed: the deadline bound C4 and its penalty.</summary>
/// <param name="Deadline">How C4 enters the problem.</param>
/// <param name="PenaltySeconds">With <see cref="DeadlineMode.Penalty"/>: seconds added per task that misses its deadline.</param>
public sealed record EpochSettings(DeadlineMode Deadline = DeadlineMode.None, double PenaltySeconds = 1.0)
{
    /// <summary>The mean latency alone, as in the objective of problem (1).</summary>
    public static EpochSettings Default { get; } = new();
}
