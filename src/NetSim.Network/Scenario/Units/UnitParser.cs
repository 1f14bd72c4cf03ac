using System.Globalization;
using System.Text.RegularExpressions;

namespace NetSim.Network.Scenario.Units;

/// <summary>
/// Reads numbers with units (<c>20MHz</c>, <c>-100dBm</c>, <c>150KB</c>, <c>10 ms</c>) into the SI
/// unit of their <see cref="UnitKind"/>. Unit names are case-sensitive: <c>mW</c> is a milliwatt,
/// <c>MB</c> a megabyte, <c>Mbit</c> a megabit. A wrong unit is an error that lists the right ones.
/// </summary>
public static partial class UnitParser
{
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
            return $"{Quote.Value(text)} is not a number{(UnitTable.AllowsAnyBare(kind) ? string.Empty : " with a unit")} ({Expected(kind)})";
        }

        var numberText = match.Groups["number"].Value;
        if (!double.TryParse(numberText, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
        {
            return $"{Quote.Value(text)} is not a finite number ({Expected(kind)})";
        }

        var unitText = match.Groups["unit"].Value;
        if (unitText.Length == 0)
        {
            if (!UnitTable.AllowsBare(kind, number))
            {
                return $"{Quote.Value(text)} has no unit ({Expected(kind)})";
            }

            value = number;
            return null;
        }

        var unit = UnitTable.Of(kind).FirstOrDefault(u => u.Symbol == unitText);
        if (unit is null)
        {
            return kind == UnitKind.None
                ? $"{Quote.Value(text)} is a plain number here, without a unit ({Expected(kind)})"
                : $"{Quote.Value(unitText)} is not a unit of {UnitTable.Describe(kind)} ({Expected(kind)})";
        }

        value = unit.Logarithmic ? unit.Factor * Math.Pow(10, number / 10) : number * unit.Factor;
        if (!double.IsFinite(value))
        {
            value = double.NaN;
            return $"{Quote.Value(text)} is too large to be {UnitTable.Describe(kind)}";
        }

        return null;
    }

    /// <summary>The units listed in messages and docs for <paramref name="kind"/>.</summary>
    public static IReadOnlyList<string> UnitsOf(UnitKind kind) => UnitTable.Of(kind).Where(u => u.Listed).Select(u => u.Symbol).ToList();

    /// <summary>What a value of <paramref name="kind"/> looks like, for messages.</summary>
    public static string Expected(UnitKind kind) => kind switch
    {
        UnitKind.None => "expected a plain number",
        _ => $"expected {UnitTable.Describe(kind)} in {string.Join(", ", UnitsOf(kind))}{(UnitTable.AllowsAnyBare(kind) ? " or a bare number" : string.Empty)}",
    };

    /// <summary>
    /// A regular expression (ECMA-262, for the JSON schema) of the text forms of <paramref name="kind"/>:
    /// a number followed by one of the kind's units (every spelling), or a bare number where allowed.
    /// </summary>
    public static string Pattern(UnitKind kind)
    {
        const string number = @"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?";
        var units = string.Join("|", UnitTable.Of(kind).OrderByDescending(u => u.Symbol.Length).Select(u => Regex.Escape(u.Symbol)));
        if (kind == UnitKind.None)
        {
            return $"^\\s*{number}\\s*$";
        }

        var bare = UnitTable.AllowsAnyBare(kind) ? "?" : string.Empty;
        var zero = kind == UnitKind.Power || bare.Length > 0 ? string.Empty : @"|[-+]?(0+\.?0*|\.0+)([eE][-+]?\d+)?";
        return $"^\\s*({number}\\s*({units}){bare}{zero})\\s*$";
    }

    [GeneratedRegex(@"^(?<number>[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?|[-+]?(NaN|nan|\.nan|\.NaN|\.NAN|\.inf|\.Inf|\.INF|inf|Infinity))\s*(?<unit>[^\s\d].*)?$")]
    private static partial Regex Quantity();
}
