using System.Globalization;
using NetSim.Network.Scenario.Units;

namespace NetSim.Network.Scenario.Binding;

/// <summary>The allowed range of a declared number: the check and its words.</summary>
public static class Ranges
{
    /// <summary>True when <paramref name="value"/> lies in the declared range.</summary>
    public static bool Contains(ParamAttribute p, double value) =>
        !(p.MinExclusive ? value <= p.Min : value < p.Min) && !(p.MaxExclusive ? value >= p.Max : value > p.Max);

    /// <summary>True when the declaration bounds the value at all.</summary>
    public static bool IsBounded(ParamAttribute p) => !double.IsNegativeInfinity(p.Min) || !double.IsPositiveInfinity(p.Max);

    /// <summary>The range in words, values with units: <c>&gt; 0s</c>, <c>&gt;= 1 and &lt;= 1000000</c>.</summary>
    public static string Text(ParamAttribute p)
    {
        var parts = new List<string>();
        if (!double.IsNegativeInfinity(p.Min))
        {
            parts.Add($"{(p.MinExclusive ? ">" : ">=")} {Value(p, p.Min)}");
        }

        if (!double.IsPositiveInfinity(p.Max))
        {
            parts.Add($"{(p.MaxExclusive ? "<" : "<=")} {Value(p, p.Max)}");
        }

        return parts.Count == 0 ? "any finite value" : string.Join(" and ", parts);
    }

    /// <summary>A value of the declared kind with a readable unit.</summary>
    public static string Value(ParamAttribute p, double value) => p.Unit switch
    {
        UnitKind.None => value.ToString("G15", CultureInfo.InvariantCulture),
        UnitKind.Power when value == 0 => "0W",
        _ => UnitFormat.Format(value, p.Unit),
    };
}
