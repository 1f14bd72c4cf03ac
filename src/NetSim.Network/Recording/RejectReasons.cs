namespace NetSim.Network.Recording;

/// <summary>The trace names of <see cref="RejectReason"/>: <c>capacity</c>, <c>deadline</c>, <c>range</c>, and <c>coverage_lost</c> (an upload that failed, not a refusal).</summary>
public static class RejectReasons
{
    /// <summary>Every reason a task can be refused for, in the order summaries list them.</summary>
    public static IReadOnlyList<RejectReason> All { get; } = [RejectReason.Capacity, RejectReason.Deadline, RejectReason.Range];

    /// <summary>The trace name of <paramref name="reason"/>, or null for <see cref="RejectReason.None"/>.</summary>
    public static string? Name(RejectReason reason) => reason switch
    {
        RejectReason.Capacity => "capacity",
        RejectReason.Deadline => "deadline",
        RejectReason.Range => "range",
        RejectReason.CoverageLost => "coverage_lost",
        _ => null,
    };

    /// <summary>The reason named <paramref name="name"/> in a trace (null: not refused); false for an unknown name.</summary>
    public static bool TryParse(string? name, out RejectReason reason)
    {
        reason = name switch
        {
            null => RejectReason.None,
            "capacity" => RejectReason.Capacity,
            "deadline" => RejectReason.Deadline,
            "range" => RejectReason.Range,
            "coverage_lost" => RejectReason.CoverageLost,
            _ => (RejectReason)(-1),
        };
        return reason >= RejectReason.None;
    }
}
