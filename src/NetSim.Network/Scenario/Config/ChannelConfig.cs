using NetSim.Network.Scenario.Units;

namespace NetSim.Network.Scenario.Config;

/// <summary><c>channel:</c> the wireless uplink.</summary>
public sealed class ChannelConfig
{
    /// <summary>Kind.</summary>
    [Param("shannon (SINR-based rates) or ideal (fixed rate, no sharing, no interference)")]
    public ChannelName Kind { get; set; } = ChannelName.Shannon;

    /// <summary>Ideal rate.</summary>
    [Param("rate of every upload on an ideal channel", Unit = UnitKind.DataRate, Min = 0, MinExclusive = true)]
    public double IdealRate { get; set; } = 1e8;

    /// <summary>Path loss.</summary>
    [Param("path-loss law")]
    public PathLossConfig PathLoss { get; set; } = new();

    /// <summary>Interference.</summary>
    [Param("count uploads to other base stations as interference")]
    public bool Interference { get; set; } = true;

    /// <summary>Interference tolerance.</summary>
    [Param("locality of the radio model: a UE counts at a base station (as an interferer, and in the channel gains kept) only within the distance where its mean received power at full transmit power, with three standard deviations of favourable shadowing, falls to this fraction of the noise power; so one upload starting or ending moves the rates of the uploads near it only, and memory grows with UEs times stations in range. Each UE left out shifts a station's noise plus interference by less than this fraction. 0 counts every UE at every station (exact, dense); when every station is in range of every UE (small worlds) the results are those of 0", Min = 0)]
    public double InterferenceTolerance { get; set; } = 1e-2;

    /// <summary>Bandwidth sharing.</summary>
    [Param("equal shares, or shares set by the policy")]
    public ShareName Share { get; set; } = ShareName.Equal;

    /// <summary>Where transmit power, noise and interference are counted.</summary>
    [Param("share: each upload puts its power (the UE's transmit power over its uploads in progress) on its share of the band, so noise and interference count over that share (OFDMA); band: power, noise and interference over the whole band, the SINR of Zhou et al. eq. (2), which collapses under sustained load")]
    public PowerDensityName PowerDensity { get; set; } = PowerDensityName.Share;

    /// <summary>Fading.</summary>
    [Param("small-scale fading")]
    public FadingConfig Fading { get; set; } = new();

    /// <summary>Shadowing.</summary>
    [Param("log-normal shadowing standard deviation, drawn once per UE-base station pair", Unit = UnitKind.Decibel, Min = 0)]
    public double Shadowing { get; set; }

    /// <summary>Downlink.</summary>
    [Param("result return")]
    public DownlinkConfig Downlink { get; set; } = new();
}
