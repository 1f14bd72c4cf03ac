namespace NetSim.Network.Scenario.Config;

/// <summary><c>quality:</c> diffusion quality (Wang, Liu and Zhao).</summary>
public sealed class QualityConfig
{
    /// <summary>Forward error.</summary>
    [Param("forward-diffusion error eps_fwd(S)", Min = 0)]
    public double EpsFwd { get; set; } = 1;

    /// <summary>Error attenuation.</summary>
    [Param("error attenuation C1 in eps_fwd * exp(-s*C1)", Min = 0, MinExclusive = true)]
    public double C1 { get; set; } = 0.1;

    /// <summary>Utility growth.</summary>
    [Param("utility growth C2 in 1 - exp(-s*C2)", Min = 0)]
    public double C2 { get; set; } = 0.1;
}
