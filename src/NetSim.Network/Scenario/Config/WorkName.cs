namespace NetSim.Network.Scenario.Config;

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
