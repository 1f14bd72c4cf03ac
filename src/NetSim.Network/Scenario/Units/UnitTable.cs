namespace NetSim.Network.Scenario.Units;

/// <summary>
/// The unit names of every <see cref="UnitKind"/>. Sizes are decimal (1 KB = 1,000 bytes = 8,000
/// bits; 1 Kbit = 1,000 bits) unless binary (1 KiB = 1,024 bytes). <c>B</c> is a byte and
/// <c>bit</c> a bit. Kilo is written <c>K</c> or <c>k</c>. A FLOP and a processor cycle count as
/// one operation alike, so <c>GHz</c> is a compute rate of 10^9 operations per second where a
/// compute rate is expected, and a bandwidth where a bandwidth is expected.
/// </summary>
public static class UnitTable
{
    private static readonly Dictionary<UnitKind, IReadOnlyList<UnitSymbol>> Kinds = new()
    {
        [UnitKind.None] = [],
        [UnitKind.Time] = [new("s", 1), new("ms", 1e-3), new("us", 1e-6), new("µs", 1e-6, Listed: false), new("ns", 1e-9), new("min", 60), new("h", 3600)],
        [UnitKind.Frequency] = [new("Hz", 1), new("kHz", 1e3), new("KHz", 1e3, Listed: false), new("MHz", 1e6), new("GHz", 1e9)],
        [UnitKind.ComputeRate] =
        [
            .. Prefixed("FLOPS", 1, Tera),
            .. Prefixed("FLOP/s", 1, Tera, listed: false),
            new("Hz", 1), new("kHz", 1e3), new("KHz", 1e3, Listed: false), new("MHz", 1e6), new("GHz", 1e9),
        ],
        [UnitKind.Work] = [.. Prefixed("FLOP", 1, Tera), .. Prefixed("cycles", 1, Tera)],
        [UnitKind.Size] =
        [
            .. Prefixed("bit", 1, Tera),
            .. Prefixed("B", 8, Tera),
            new("KiB", 8 * 1024.0), new("MiB", 8 * Math.Pow(1024, 2)), new("GiB", 8 * Math.Pow(1024, 3)), new("TiB", 8 * Math.Pow(1024, 4)),
        ],
        [UnitKind.DataRate] =
        [
            .. Prefixed("bps", 1, Tera),
            .. Prefixed("bit/s", 1, Tera),
            .. Prefixed("B/s", 8, Tera),
        ],
        [UnitKind.Power] = [new("W", 1), new("mW", 1e-3), new("dBm", 1e-3, Logarithmic: true), new("dBW", 1, Logarithmic: true)],
        [UnitKind.Distance] = [new("m", 1), new("km", 1e3)],
        [UnitKind.Decibel] = [new("dB", 1)],
        [UnitKind.PerSecond] = [new("/s", 1), new("/ms", 1e3), new("/min", 1 / 60.0), new("/h", 1 / 3600.0)],
    };

    private const int Tera = 4;

    /// <summary>Every unit name of <paramref name="kind"/>.</summary>
    public static IReadOnlyList<UnitSymbol> Of(UnitKind kind) => Kinds[kind];

    /// <summary>The SI unit values of <paramref name="kind"/> are stored in.</summary>
    public static string SiUnit(UnitKind kind) => kind switch
    {
        UnitKind.Time => "s",
        UnitKind.Frequency => "Hz",
        UnitKind.ComputeRate => "ops/s",
        UnitKind.Work => "ops",
        UnitKind.Size => "bit",
        UnitKind.DataRate => "bit/s",
        UnitKind.Power => "W",
        UnitKind.Distance => "m",
        UnitKind.Decibel => "dB",
        UnitKind.PerSecond => "/s",
        _ => string.Empty,
    };

    /// <summary>
    /// True when a number without a unit is accepted: always for plain numbers, decibels and
    /// rates per second, and for a zero of any kind but power (where 0 dBm is 1 mW, not nothing).
    /// </summary>
    public static bool AllowsBare(UnitKind kind, double number) =>
        kind is UnitKind.None or UnitKind.Decibel or UnitKind.PerSecond || (number == 0 && kind != UnitKind.Power);

    /// <summary>True when every bare number is accepted for <paramref name="kind"/>.</summary>
    public static bool AllowsAnyBare(UnitKind kind) => kind is UnitKind.None or UnitKind.Decibel or UnitKind.PerSecond;

    /// <summary>What a value of <paramref name="kind"/> is, in words: "a time", "a size".</summary>
    public static string Describe(UnitKind kind) => kind switch
    {
        UnitKind.Time => "a time",
        UnitKind.Frequency => "a bandwidth",
        UnitKind.ComputeRate => "a compute rate",
        UnitKind.Work => "an amount of work",
        UnitKind.Size => "a size",
        UnitKind.DataRate => "a data rate",
        UnitKind.Power => "a power",
        UnitKind.Distance => "a distance",
        UnitKind.Decibel => "a level",
        UnitKind.PerSecond => "a rate per second",
        _ => "a number",
    };

    /// <summary>The unit plus its K, M, G (and T) multiples; kilo also as a lower-case k.</summary>
    private static IEnumerable<UnitSymbol> Prefixed(string unit, double factor, int prefixes, bool listed = true)
    {
        yield return new UnitSymbol(unit, factor, listed);
        var names = new[] { "K", "M", "G", "T" };
        for (var i = 0; i < prefixes; i++)
        {
            var scale = factor * Math.Pow(1000, i + 1);
            yield return new UnitSymbol(names[i] + unit, scale, listed);
            if (i == 0)
            {
                yield return new UnitSymbol("k" + unit, scale, Listed: false);
            }
        }
    }
}
