using NetSim.Network.Scenario.Units;

namespace NetSim.Network.Scenario.Config;

/// <summary><c>models[].work:</c> how much compute a task needs.</summary>
public sealed class WorkConfig
{
    /// <summary>Kind.</summary>
    [Param("fixed (per task), per_bit (per input bit) or diffusion (steps times per-step time)")]
    public WorkName Kind { get; set; } = WorkName.Fixed;

    /// <summary>Server work.</summary>
    [Param("fixed: work of a task on a server", Unit = UnitKind.Work, Min = 0)]
    public double Server { get; set; } = 200e6;

    /// <summary>Device work.</summary>
    [Param("fixed: work of a task on a device (lightweight model)", Unit = UnitKind.Work, Min = 0)]
    public double Device { get; set; } = 50e6;

    /// <summary>Operations per bit.</summary>
    [Param("per_bit: operations (cycles) per input bit", Min = 0)]
    public double PerBit { get; set; } = 1000;

    /// <summary>Device step time.</summary>
    [Param("diffusion: time per step on a device", Unit = UnitKind.Time, Min = 0)]
    public double StepTimeDevice { get; set; } = 0.002;

    /// <summary>Server step time.</summary>
    [Param("diffusion: time per step on a server core", Unit = UnitKind.Time, Min = 0)]
    public double StepTimeServer { get; set; } = 0.001;
}
