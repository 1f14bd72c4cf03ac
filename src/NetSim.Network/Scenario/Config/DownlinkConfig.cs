using NetSim.Network.Scenario.Units;

namespace NetSim.Network.Scenario.Config;

/// <summary><c>channel.downlink:</c> result return.</summary>
public sealed class DownlinkConfig
{
    /// <summary>Whether results return over a downlink.</summary>
    [Param("return results over a fixed-rate downlink")]
    public bool Enabled { get; set; }

    /// <summary>Rate.</summary>
    [Param("downlink rate", Unit = UnitKind.DataRate, Min = 0, MinExclusive = true)]
    public double Rate { get; set; } = 1e8;

    /// <summary>Result size.</summary>
    [Param("result size", Unit = UnitKind.Size, Min = 0)]
    public double ResultSize { get; set; }
}
