using System.Globalization;
using System.Text.RegularExpressions;

namespace NetSim.Network.Scenario.Units;

/// <summary>
/// Reads numbers with units (<c>20MHz</c>, <c>-100dBm</c>, <c>150KB</c>, <c>10 ms</c>) into SI base
/// units: seconds, hertz, operations per second, operations, bits, bits per second, watts, metres,
/// decibels. Sizes are decimal (1 KB = 1,000 bytes = 8,000 bits) unless binary (KiB). Unit names are
/// case-sensitive: <c>mW</c> is a milliwatt, <c>Mbit</c> a megabit, <c>B</c> a byte and <c>bit</c> a bit.
/// </summary>
public static partial class UnitParser
{
    private static readonly Dictionary<UnitKind, Dictionary<string, double>> Tables = new()
    {
        [UnitKind.Time] = new() { ["s"] = 1, ["ms"] = 1e-3, ["us"] = 1e-6, ["µs"] = 1e-6, ["ns"] = 1e-9, ["min"] = 60, ["h"] = 3600 },
        [UnitKind.Frequency] = new() { ["Hz"] = 1, ["kHz"] = 1e3, ["MHz"] = 1e6, ["GHz"] = 1e9 },
        [UnitKind.ComputeRate] = new()
        {
            ["FLOPS"] = 1, ["KFLOPS"] = 1e3, ["MFLOPS"] = 1e6, ["GFLOPS"] = 1e9, ["TFLOPS"] = 1e12,
            ["Hz"] = 1, ["kHz"] = 1e3, ["MHz"] = 1e6, ["GHz"] = 1e9,
        },
        [UnitKind.Work] = new()
        {
            ["FLOP"] = 1, ["KFLOP"] = 1e3, ["MFLOP"] = 1e6, ["GFLOP"] = 1e9, ["TFLOP"] = 1e12,
            ["cycles"] = 1, ["Kcycles"] = 1e3, ["Mcycles"] = 1e6, ["Gcycles"] = 1e9,
        },
        [UnitKind.Size] = new()
        {
            ["bit"] = 1, ["Kbit"] = 1e3, ["Mbit"] = 1e6, ["Gbit"] = 1e9,
            ["B"] = 8, ["KB"] = 8e3, ["MB"] = 8e6, ["GB"] = 8e9, ["TB"] = 8e12,
            ["KiB"] = 8 * 1024.0, ["MiB"] = 8 * 1024.0 * 1024, ["GiB"] = 8 * 1024.0 * 1024 * 1024,
        },
        [UnitKind.DataRate] = new()
        {
            ["bps"] = 1, ["Kbps"] = 1e3, ["Mbps"] = 1e6, ["Gbps"] = 1e9,
            ["bit/s"] = 1, ["Kbit/s"] = 1e3, ["Mbit/s"] = 1e6, ["Gbit/s"] = 1e9,
        },
        [UnitKind.Power] = new() { ["W"] = 1, ["mW"] = 1e-3 },
        [UnitKind.Distance] = new() { ["m"] = 1, ["km"] = 1e3 },
        [UnitKind.Decibel] = new() { ["dB"] = 1, [string.Empty] = 1 },
        [UnitKind.PerSecond] = new() { ["/s"] = 1, [string.Empty] = 1 },
        [UnitKind.None] = new() { [string.Empty] = 1 },
    };

    /// <summary>The units accepted for <paramref name="kind"/>, for messages and the schema.</summary>
    public static IReadOnlyList<string> UnitsOf(UnitKind kind)
    {
        var units = Tables[kind].Keys.Where(u => u.Length > 0).ToList();
        if (kind == UnitKind.Power)
        {
            units.AddRange(["dBm", "dBW"]);
        }

        return units;
    }

    /// <summary>True when a bare number is accepted for <paramref name="kind"/>.</summary>
    public static bool AllowsBare(UnitKind kind) => Tables[kind].ContainsKey(string.Empty);

    /// <summary>
    /// Parses <paramref name="text"/> as a <paramref name="kind"/> quantity. Returns null and the SI
    /// value, or an error message that says what was expected.
    /// </summary>
    public static string? TryParse(string text, UnitKind kind, out double value)
    {
        value = double.NaN;
        var match = Quantity().Match(text.Trim());
        if (!match.Success)
        {
            return $"'{text}' is not a number{(kind == UnitKind.None ? string.Empty : " with a unit")} ({Expected(kind)})";
        }

        if (!double.TryParse(match.Groups["number"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            number = double.NaN;
        }

        var unit = match.Groups["unit"].Value;
        if (double.IsNaN(number) || double.IsInfinity(number))
        {
            return $"'{text}' is not a finite number ({Expected(kind)})";
        }

        if (kind == UnitKind.Power && unit is "dBm" or "dBW")
        {
            value = Math.Pow(10, number / 10) * (unit == "dBm" ? 1e-3 : 1);
            return null;
        }

        if (Tables[kind].TryGetValue(unit, out var factor))
        {
            value = number * factor;
            return null;
        }

        if (unit.Length == 0)
        {
            return $"'{text}' has no unit ({Expected(kind)})";
        }

        return $"'{unit}' is not a unit of {Describe(kind)} ({Expected(kind)})";
    }

    /// <summary>What a value of <paramref name="kind"/> looks like, for messages.</summary>
    public static string Expected(UnitKind kind) => kind switch
    {
        UnitKind.None => "expected a plain number",
        _ => $"expected {Describe(kind)} in {string.Join(", ", UnitsOf(kind))}{(AllowsBare(kind) ? " or a bare number" : string.Empty)}",
    };

    /// <summary>A regular expression for the schema: a number followed by one of the kind's units.</summary>
    public static string Pattern(UnitKind kind)
    {
        var units = string.Join("|", UnitsOf(kind).Select(Regex.Escape));
        var optional = AllowsBare(kind) ? "?" : string.Empty;
        return $"^\\s*[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?\\s*({units}){optional}\\s*$";
    }

    private static string Describe(UnitKind kind) => kind switch
    {
        UnitKind.Time => "a time",
        UnitKind.Frequency => "a frequency",
        UnitKind.ComputeRate => "a compute rate",
        UnitKind.Work => "an amount of work",
        UnitKind.Size => "a size",
        UnitKind.DataRate => "a data rate",
        UnitKind.Power => "a power",
        UnitKind.Distance => "a distance",
        UnitKind.Decibel => "a level in dB",
        UnitKind.PerSecond => "a rate per second",
        _ => "a number",
    };

    [GeneratedRegex(@"^(?<number>[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?|[-+]?(NaN|nan|\.nan|\.inf|inf|Infinity))\s*(?<unit>[^\s\d].*)?$")]
    private static partial Regex Quantity();
}
