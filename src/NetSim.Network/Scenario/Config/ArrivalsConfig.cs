using NetSim.Network.Scenario.Units;

namespace NetSim.Network.Scenario.Config;

/// <summary><c>ues.arrivals:</c> how tasks arrive.</summary>
public sealed class ArrivalsConfig
{
    /// <summary>Arrival process.</summary>
    [Param("slot (one task per UE per interval), poisson (rate), uniform (gaps uniform in [0, 2*interval]) or trace (file)")]
    public ArrivalName Kind { get; set; } = ArrivalName.Poisson;

    /// <summary>Slot length or mean gap.</summary>
    [Param("slot length (slot) or mean gap (uniform)", Unit = UnitKind.Time, Min = 0, MinExclusive = true, RequiredWhen = "kind=slot|uniform")]
    public double Interval { get; set; } = double.NaN;

    /// <summary>Poisson rate per UE.</summary>
    [Param("tasks per second per UE (poisson)", Unit = UnitKind.PerSecond, Min = 0, MinExclusive = true)]
    public double Rate { get; set; } = 1;

    /// <summary>Trace file.</summary>
    [Param("trace CSV with columns time,ue[,type][,size_bits], relative to the file that names it", IsPath = true, RequiredWhen = "kind=trace")]
    public string File { get; set; } = string.Empty;
}
