using NetSim.Network.Scenario.Units;

namespace NetSim.Network.Scenario.Config;

/// <summary><c>base_stations:</c> base stations with MEC servers.</summary>
public sealed class BaseStationsConfig
{
    /// <summary>Count.</summary>
    [Param("number of base stations (each with an edge server)", Min = 0, Max = 100_000)]
    public int Count { get; set; } = 2;

    /// <summary>Placement.</summary>
    [Param("where the base stations stand")]
    public PlacementConfig Placement { get; set; } = new() { Kind = PlacementName.Grid };

    /// <summary>Bandwidth.</summary>
    [Param("uplink bandwidth B of each base station, shared by its active uploads", Unit = UnitKind.Frequency, Min = 0, MinExclusive = true)]
    public double Bandwidth { get; set; } = 20e6;

    /// <summary>Noise.</summary>
    [Param("noise power sigma^2", Unit = UnitKind.Power, Min = 0, MinExclusive = true)]
    public double Noise { get; set; } = 1e-13;

    /// <summary>Coverage radius.</summary>
    [Param("coverage radius of each base station: a UE farther from the station it would upload to is refused (range) and takes the admission fallback", Unit = UnitKind.Distance, Min = 0, MinExclusive = true, NoLimit = "unlimited")]
    public double Coverage { get; set; } = double.PositiveInfinity;

    /// <summary>Coverage by signal-to-noise ratio.</summary>
    [Param("coverage by the least signal-to-noise ratio a UE must reach at a base station: its transmit power times its mean path gain there (shadowing included, fading and interference not) over the noise; below it the station does not cover the UE, as beyond the coverage radius (both apply when both are set)", Unit = UnitKind.Decibel, NoLimit = "none")]
    public double CoverageSnr { get; set; } = double.PositiveInfinity;

    /// <summary>Uplink grants.</summary>
    [Param("uplink scheduling")]
    public UplinkConfig Uplink { get; set; } = new();

    /// <summary>Admission control.</summary>
    [Param("admission control of the edge servers (off by default: every task admitted)")]
    public AdmissionConfig Admission { get; set; } = new();

    /// <summary>Server.</summary>
    [Param("MEC server")]
    public ServerConfig Server { get; set; } = new();

    /// <summary>Backhaul.</summary>
    [Param("link to the cloud")]
    public BackhaulConfig Backhaul { get; set; } = new();
}
