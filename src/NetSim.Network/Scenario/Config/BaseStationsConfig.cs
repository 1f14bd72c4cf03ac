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

    /// <summary>Server.</summary>
    [Param("MEC server")]
    public ServerConfig Server { get; set; } = new();

    /// <summary>Backhaul.</summary>
    [Param("link to the cloud")]
    public BackhaulConfig Backhaul { get; set; } = new();
}
