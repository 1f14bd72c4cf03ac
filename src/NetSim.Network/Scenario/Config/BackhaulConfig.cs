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

    /// <summary>Download power.</summary>
    [Param("power of a model download while the backhaul transmits it, p_c^n of Wang, Li and Wang eq. (8): a download costs it times its transmission time (model size / rate), counted in the energy of the task whose request started the download (their eq. 12) as it is sent, up to that task's drop if it is dropped first; 0 = not counted", Unit = UnitKind.Power, Min = 0)]
    public double DownloadPower { get; set; }
}
