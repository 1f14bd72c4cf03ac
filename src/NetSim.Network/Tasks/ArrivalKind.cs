namespace NetSim.Network.Tasks;

/// <summary>How a UE creates tasks.</summary>
public enum ArrivalKind
{
    /// <summary>One task at the start of every slot (Zhou et al.).</summary>
    Slot,

    /// <summary>Exponential gaps.</summary>
    Poisson,

    /// <summary>Gaps uniform in [0, 2 * interval] (Wang, Li and Wang).</summary>
    Uniform,

    /// <summary>Times (and optionally types and sizes) read from a trace file by the builder.</summary>
    Trace,
}
