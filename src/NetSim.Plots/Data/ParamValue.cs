using System.Globalization;
using NetSim.Network.Scenario.Units;

namespace NetSim.Plots.Data;

/// <summary>Reads a swept value (YAML text such as <c>20</c>, <c>15ms</c> or <c>20MHz</c>) as a number in SI units.</summary>
public static class ParamValue
{
    /// <summary>The value of <paramref name="text"/> in SI units, or NaN when it is not a number with a known unit.</summary>
    public static double Number(string text)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var plain))
        {
            return plain;
        }

        foreach (var kind in Enum.GetValues<UnitKind>())
        {
            if (UnitParser.TryParse(text, kind, out var value) is null)
            {
                return value;
            }
        }

        return double.NaN;
    }
}
