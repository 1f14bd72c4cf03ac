using NetSim.Network.Scenario.Units;

namespace NetSim.Network.Scenario.Config;

/// <summary><c>base_stations.backhaul:</c> edge-cloud link.</summary>
public sealed class BackhaulConfig
{
    /// <summary>Rate.</summary>
    [Param("edge-cloud link rate, shared FIFO by offloaded tasks and model downloads", Unit = UnitKind.DataRate, Min = 0, MinExclusive = true)]
    public double Rate { get; set; } = 1e9;

    /// <summary>Delay.</summary>
    [Param("propagation delay", Unit = UnitKind.Time, Min = 0)]
    public double Delay { get; set; } = 0.005;
}
