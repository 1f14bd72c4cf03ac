namespace NetSim.Network.Scenario.Config;

/// <summary>Arrival processes.</summary>
public enum ArrivalName
{
    /// <summary>One task per slot.</summary>
    Slot,

    /// <summary>Poisson.</summary>
    Poisson,

    /// <summary>Uniform gaps.</summary>
    Uniform,

    /// <summary>From a trace file.</summary>
    Trace,
}
