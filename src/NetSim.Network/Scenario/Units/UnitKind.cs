namespace NetSim.Network.Scenario.Units;

/// <summary>The physical kind of a scenario value; it decides which units are accepted.</summary>
public enum UnitKind
{
    /// <summary>A plain number.</summary>
    None,

    /// <summary>Seconds: s, ms, us, ns, min, h.</summary>
    Time,

    /// <summary>Hertz (bandwidth): Hz, kHz, MHz, GHz.</summary>
    Frequency,

    /// <summary>Operations per second: FLOPS, KFLOPS, MFLOPS, GFLOPS, TFLOPS, or Hz, kHz, MHz, GHz (cycles per second count as operations).</summary>
    ComputeRate,

    /// <summary>Operations: FLOP, KFLOP, MFLOP, GFLOP, TFLOP, cycles, Kcycles, Mcycles, Gcycles.</summary>
    Work,

    /// <summary>Bits: bit, Kbit, Mbit, Gbit, B, KB, MB, GB, TB (decimal), KiB, MiB, GiB (binary).</summary>
    Size,

    /// <summary>Bits per second: bps, Kbps, Mbps, Gbps, bit/s, Kbit/s, Mbit/s, Gbit/s.</summary>
    DataRate,

    /// <summary>Watts: W, mW, dBm, dBW.</summary>
    Power,

    /// <summary>Metres: m, km.</summary>
    Distance,

    /// <summary>Decibels: dB, or a bare number.</summary>
    Decibel,

    /// <summary>Events per second: /s, or a bare number.</summary>
    PerSecond,
}
