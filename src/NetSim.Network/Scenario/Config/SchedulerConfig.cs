using NetSim.Network.Scenario.Units;

namespace NetSim.Network.Scenario.Config;

/// <summary><c>scheduler:</c> when the policy is asked.</summary>
public sealed class SchedulerConfig
{
    /// <summary>Decision epochs.</summary>
    [Param("decision epochs: arrival (each task alone), slot (tasks of a slot together), batch (one task per UE at t = 0)")]
    public EpochName Epoch { get; set; } = EpochName.Arrival;

    /// <summary>Slot length.</summary>
    [Param("slot length", Unit = UnitKind.Time, Min = 0, MinExclusive = true, RequiredWhen = "epoch=slot")]
    public double Slot { get; set; } = double.NaN;
}
