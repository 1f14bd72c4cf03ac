using System.Globalization;

namespace NetSim.Network.Scenario.Units;

/// <summary>
/// Writes an SI value back with a readable unit (<c>0.01</c> seconds as <c>10ms</c>, <c>1.2e6</c> bits
/// as <c>150KB</c>, <c>1e-13</c> watts as <c>-100dBm</c>), in a form <see cref="UnitParser"/> reads back.
/// </summary>
public static class UnitFormat
{
    private static readonly Dictionary<UnitKind, (string Symbol, double Factor)[]> Display = new()
    {
        [UnitKind.Time] = [("ns", 1e-9), ("us", 1e-6), ("ms", 1e-3), ("s", 1)],
        [UnitKind.Frequency] = [("Hz", 1), ("kHz", 1e3), ("MHz", 1e6), ("GHz", 1e9)],
        [UnitKind.ComputeRate] = [("FLOPS", 1), ("KFLOPS", 1e3), ("MFLOPS", 1e6), ("GFLOPS", 1e9), ("TFLOPS", 1e12)],
        [UnitKind.Work] = [("FLOP", 1), ("KFLOP", 1e3), ("MFLOP", 1e6), ("GFLOP", 1e9), ("TFLOP", 1e12)],
        [UnitKind.DataRate] = [("bps", 1), ("Kbps", 1e3), ("Mbps", 1e6), ("Gbps", 1e9), ("Tbps", 1e12)],
        [UnitKind.Distance] = [("m", 1), ("km", 1e3)],
    };

    private static readonly (string Symbol, double Factor)[] Bits = [("bit", 1), ("Kbit", 1e3), ("Mbit", 1e6), ("Gbit", 1e9), ("Tbit", 1e12)];

    private static readonly (string Symbol, double Factor)[] Bytes = [("B", 8), ("KB", 8e3), ("MB", 8e6), ("GB", 8e9), ("TB", 8e12)];

    /// <summary>The text of SI value <paramref name="value"/> of <paramref name="kind"/>.</summary>
    public static string Format(double value, UnitKind kind)
    {
        switch (kind)
        {
            case UnitKind.None or UnitKind.Decibel:
                return Number(value);
            case UnitKind.PerSecond:
                return Number(value) + "/s";
            case UnitKind.Power:
                return Power(value);
            case UnitKind.Time when value != 0 && Math.Abs(value) >= 60 && double.IsInteger(value / 60):
                return double.IsInteger(value / 3600) ? Number(value / 3600) + "h" : Number(value / 60) + "min";
            case UnitKind.Size:
                return Scaled(value, double.IsInteger(value / 8) && value != 0 ? Bytes : Bits);
            default:
                return Scaled(value, Display[kind]);
        }
    }

    private static string Power(double watts)
    {
        var dbm = 10 * Math.Log10(watts / 1e-3);
        if (watts > 0 && Math.Abs(dbm - Math.Round(dbm, 2)) < 1e-9)
        {
            return Number(Math.Round(dbm, 2)) + "dBm";
        }

        return watts != 0 && Math.Abs(watts) < 1 ? Number(watts * 1e3) + "mW" : Number(watts) + "W";
    }

    private static string Scaled(double value, (string Symbol, double Factor)[] units)
    {
        if (value == 0)
        {
            return "0" + units.First(u => u.Factor == 1).Symbol;
        }

        var unit = units[0];
        foreach (var candidate in units)
        {
            if (Math.Abs(value) >= candidate.Factor * (1 - 1e-12))
            {
                unit = candidate;
            }
        }

        return Number(value / unit.Factor) + unit.Symbol;
    }

    private static string Number(double value) => (value == 0 ? 0 : value).ToString("G15", CultureInfo.InvariantCulture);
}
