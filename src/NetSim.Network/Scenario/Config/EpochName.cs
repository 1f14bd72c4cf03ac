namespace NetSim.Network.Scenario.Config;

/// <summary>Scheduler decision epochs.</summary>
public enum EpochName
{
    /// <summary>At each arrival.</summary>
    Arrival,

    /// <summary>At each slot boundary.</summary>
    Slot,

    /// <summary>Once at t = 0.</summary>
    Batch,
}
