using NetSim.Network.Scenario.Units;

namespace NetSim.Network.Scenario.Config;

/// <summary><c>channel.path_loss:</c> log-distance path loss.</summary>
public sealed class PathLossConfig
{
    /// <summary>Loss at the reference distance.</summary>
    [Param("loss at the reference distance, dB (128.1 with 37.6 is the 3GPP macro law for d in km)", Unit = UnitKind.Decibel)]
    public double Pl0 { get; set; } = 128.1;

    /// <summary>dB per decade.</summary>
    [Param("dB per decade of distance (10 times the path-loss exponent)", Unit = UnitKind.Decibel, Min = 0)]
    public double Gamma { get; set; } = 37.6;

    /// <summary>Reference distance.</summary>
    [Param("reference distance d0 in pl0 + gamma*log10(d/d0)", Unit = UnitKind.Distance, Min = 0, MinExclusive = true)]
    public double Reference { get; set; } = 1000;

    /// <summary>Smallest distance.</summary>
    [Param("distances are clamped to at least this", Unit = UnitKind.Distance, Min = 0, MinExclusive = true)]
    public double MinDistance { get; set; } = 10;
}
