namespace NetSim.Network.Scenario.Units;

/// <summary>
/// The physical kind of a scenario value; it decides which units are accepted and the SI unit
/// the value is stored in. See <see cref="UnitTable"/> for the unit names of each kind.
/// </summary>
public enum UnitKind
{
    /// <summary>A plain number (dimensionless, a count, or a coefficient whose unit the key states).</summary>
    None,

    /// <summary>A time, stored in seconds.</summary>
    Time,

    /// <summary>A bandwidth, stored in hertz.</summary>
    Frequency,

    /// <summary>A compute rate, stored in operations per second (a FLOP and a cycle count alike).</summary>
    ComputeRate,

    /// <summary>An amount of work, stored in operations (a FLOP and a cycle count alike).</summary>
    Work,

    /// <summary>A size, stored in bits.</summary>
    Size,

    /// <summary>A data rate, stored in bits per second.</summary>
    DataRate,

    /// <summary>A power, stored in watts.</summary>
    Power,

    /// <summary>A distance, stored in metres.</summary>
    Distance,

    /// <summary>A level or gain in decibels (the unit <c>dB</c> may be left out).</summary>
    Decibel,

    /// <summary>Events per second (<c>/s</c> may be left out).</summary>
    PerSecond,
}
