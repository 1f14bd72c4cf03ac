namespace NetSim.Network.Recording;

/// <summary>
/// Why admission control refused a task (the <c>rejected_reason</c> column of the trace). A refused
/// task is then handled by the scenario's fallback: run on its device, sent to the cloud, or dropped.
/// </summary>
public enum RejectReason
{
    /// <summary>Not refused.</summary>
    None,

    /// <summary>The edge server's queue was full (in tasks or in work).</summary>
    Capacity,

    /// <summary>The estimated finish at the edge server missed the task's deadline.</summary>
    Deadline,

    /// <summary>The UE was out of the coverage (radius or least signal-to-noise ratio) of the station it would upload to.</summary>
    Range,

    /// <summary>
    /// Not a refusal: the task's UE left the coverage of every station, or of the station other
    /// than its serving one that its upload went to, while the upload was in progress, so the
    /// upload failed and the task was dropped (trace name <c>coverage_lost</c>).
    /// </summary>
    CoverageLost,
}
