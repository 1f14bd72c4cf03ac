using NetSim.Network.Scenario.Units;

namespace NetSim.Network.Scenario.Config;

/// <summary><c>ues:</c> user equipment.</summary>
public sealed class UesConfig
{
    /// <summary>Number of UEs.</summary>
    [Param("number of UEs", Min = 1, Max = 1_000_000)]
    public int Count { get; set; } = 10;

    /// <summary>Placement.</summary>
    [Param("where the UEs stand")]
    public PlacementConfig Placement { get; set; } = new();

    /// <summary>Processor rate.</summary>
    [Param("device processor rate (a distribution is drawn once per UE)", Unit = UnitKind.ComputeRate, Min = 0, MinExclusive = true)]
    public Distribution Compute { get; set; } = Distribution.Constant(300e6);

    /// <summary>Transmit power.</summary>
    [Param("transmit power, the device's total: split equally over its uploads in progress (P/k each with k at once), so it radiates this whatever k is; an upload's energy is the power it radiated times the time it was sent", Unit = UnitKind.Power, Min = 0, MinExclusive = true)]
    public double TxPower { get; set; } = 0.1;

    /// <summary>Mobility.</summary>
    [Param("how the UEs move, and which station serves each")]
    public MobilityConfig Mobility { get; set; } = new();

    /// <summary>Energy model.</summary>
    [Param("device energy")]
    public EnergyConfig Energy { get; set; } = new();

    /// <summary>Arrivals.</summary>
    [Param("how tasks arrive")]
    public ArrivalsConfig Arrivals { get; set; } = new();

    /// <summary>The task mix.</summary>
    [Param("the task mix (at least one type)", Min = 1)]
    public List<TaskTypeConfig> TaskTypes { get; set; } = [new()];
}
