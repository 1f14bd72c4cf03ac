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

/// <summary>Placement kinds.</summary>
public enum PlacementName
{
    /// <summary>Uniform in a disk.</summary>
    Disk,

    /// <summary>Uniform in a rectangle.</summary>
    Rectangle,

    /// <summary>A regular grid.</summary>
    Grid,

    /// <summary>Explicit points.</summary>
    Points,
}

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

/// <summary>Service disciplines.</summary>
public enum DisciplineName
{
    /// <summary>First in, first out.</summary>
    Fifo,

    /// <summary>Processor sharing.</summary>
    Ps,
}

/// <summary>Channel models.</summary>
public enum ChannelName
{
    /// <summary>Shannon rate of the SINR.</summary>
    Shannon,

    /// <summary>A fixed rate.</summary>
    Ideal,
}

/// <summary>Bandwidth sharing.</summary>
public enum ShareName
{
    /// <summary>Equal shares.</summary>
    Equal,

    /// <summary>Shares set by the policy.</summary>
    Policy,
}

/// <summary>Fading models.</summary>
public enum FadingName
{
    /// <summary>No fading.</summary>
    None,

    /// <summary>Rayleigh block fading.</summary>
    Rayleigh,
}

/// <summary>Work models.</summary>
public enum WorkName
{
    /// <summary>Fixed operations per task.</summary>
    Fixed,

    /// <summary>Operations per input bit.</summary>
    PerBit,

    /// <summary>Steps times per-step time.</summary>
    Diffusion,
}
