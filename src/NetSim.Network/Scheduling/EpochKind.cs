namespace NetSim.Network.Scheduling;

/// <summary>When the scheduler asks the policy.</summary>
public enum EpochKind
{
    /// <summary>At every task arrival, for that task alone.</summary>
    Arrival,

    /// <summary>At every slot boundary, for the tasks that arrived since the previous one (Zhou et al.).</summary>
    Slot,

    /// <summary>Once, at t = 0, for one task per UE created then (Wang, Liu and Zhao).</summary>
    Batch,
}
