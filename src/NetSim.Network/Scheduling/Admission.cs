namespace NetSim.Network.Scheduling;

/// <summary>
/// Admission control: when an edge server or a cell refuses a task, and what becomes of it then.
/// Every limit is off by default (<see cref="None"/>), which admits every task as NetSim always did.
/// </summary>
/// <param name="QueueTasks">
/// Most tasks an edge server holds: admitted to it and not yet computed there (uploading, waiting
/// for their model, queued or in service). A task that would be one more is refused (capacity).
/// </param>
/// <param name="QueueWorkOps">
/// Most work, in operations, an edge server holds (the same tasks, by the work they still need,
/// plus the new task's own). More is refused (capacity).
/// </param>
/// <param name="Deadline">
/// Refuse a task whose estimated finish at the edge misses its deadline: work ahead / (core rate *
/// cores) + own work / core rate &gt; the time left to its deadline (deadline).
/// </param>
/// <param name="CoverageM">
/// Coverage radius of every base station, metres: a UE farther than this from the station it would
/// upload to is refused (range).
/// </param>
/// <param name="Fallback">What a refused task does instead.</param>
/// <param name="CoverageSnrDb">
/// Coverage by signal-to-noise ratio, dB: a UE whose transmit power times its mean path gain to the
/// station it would upload to, over the noise, is below this is refused (range), as one beyond
/// <paramref name="CoverageM"/>; negative infinity: no such limit.
/// </param>
public sealed record Admission(
    int QueueTasks = int.MaxValue,
    double QueueWorkOps = double.PositiveInfinity,
    bool Deadline = false,
    double CoverageM = double.PositiveInfinity,
    FallbackKind Fallback = FallbackKind.Local,
    double CoverageSnrDb = double.NegativeInfinity)
{
    /// <summary>No admission control: every task is admitted.</summary>
    public static Admission None { get; } = new();

    /// <summary>Whether any limit is set.</summary>
    public bool Enabled => QueueTasks < int.MaxValue || !double.IsPositiveInfinity(QueueWorkOps) || Deadline || LimitsCoverage;

    /// <summary>Whether a station covers only some UEs (a radius or a least signal-to-noise ratio).</summary>
    internal bool LimitsCoverage => !double.IsPositiveInfinity(CoverageM) || !double.IsNegativeInfinity(CoverageSnrDb);

    /// <summary>Whether any edge-server limit (tasks, work, deadline) is set.</summary>
    internal bool LimitsServers => QueueTasks < int.MaxValue || !double.IsPositiveInfinity(QueueWorkOps) || Deadline;
}
