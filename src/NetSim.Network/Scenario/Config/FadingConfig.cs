using NetSim.Network.Scenario.Units;

namespace NetSim.Network.Scenario.Config;

/// <summary><c>channel.fading:</c> small-scale fading.</summary>
public sealed class FadingConfig
{
    /// <summary>Fading kind.</summary>
    [Param("none or rayleigh (block fading, |h|^2 ~ Exp(1) per block)")]
    public FadingName Kind { get; set; } = FadingName.None;

    /// <summary>Block length.</summary>
    [Param("coherence time of a fading block", Unit = UnitKind.Time, Min = 0, MinExclusive = true)]
    public double Block { get; set; } = 0.01;
}
