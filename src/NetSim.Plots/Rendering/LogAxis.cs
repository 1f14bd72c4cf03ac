using System.Globalization;
using NetSim.Plots.Figures;

namespace NetSim.Plots.Rendering;

/// <summary>
/// A log-scale Y axis for a panel: positions are log10 of the values, values at or below the floor
/// (the decade below the smallest positive mean) sit on the floor, and ticks mark every decade
/// (with 2 and 5 between them when the data span less than two decades).
/// </summary>
internal sealed class LogAxis
{
    private LogAxis(double floor, double top, IReadOnlyList<(double Position, string Label)> ticks)
    {
        Floor = floor;
        Top = top;
        Ticks = ticks;
    }

    /// <summary>The smallest value drawn: lower values are drawn at it.</summary>
    public double Floor { get; }

    /// <summary>The decade above the largest mean plus its half-width: the axis ends there.</summary>
    public double Top { get; }

    /// <summary>Tick positions (log10 of the value) and labels (the value).</summary>
    public IReadOnlyList<(double Position, string Label)> Ticks { get; }

    /// <summary>The axis for the values and error bars of <paramref name="series"/>.</summary>
    public static LogAxis For(IEnumerable<Series> series)
    {
        var all = series.ToList();
        var means = all.SelectMany(s => s.Y).Where(y => y > 0 && double.IsFinite(y)).ToList();
        var tops = all.SelectMany(s => s.Y.Select((y, i) => y + (s.Error is { } e && !double.IsNaN(e[i]) ? e[i] : 0))).Where(double.IsFinite).ToList();
        var low = means.Count > 0 ? Math.Floor(Math.Log10(means.Min())) : 0;
        var high = tops.Count > 0 ? Math.Max(low + 1, Math.Ceiling(Math.Log10(Math.Max(tops.Max(), Math.Pow(10, low))))) : low + 1;
        var steps = high - low < 2 ? new[] { 1.0, 2, 5 } : [1.0];
        var ticks = new List<(double, string)>();
        for (var decade = low; decade <= high; decade++)
        {
            foreach (var step in steps)
            {
                var value = step * Math.Pow(10, decade);
                if (value <= Math.Pow(10, high) * (1 + 1e-9))
                {
                    ticks.Add((Math.Log10(value), value.ToString(value >= 1 ? "N0" : "G3", CultureInfo.InvariantCulture)));
                }
            }
        }

        return new LogAxis(Math.Pow(10, low), Math.Pow(10, high), ticks);
    }

    /// <summary>Where <paramref name="value"/> is drawn: log10 of it, or of the floor when it is lower.</summary>
    public double Position(double value) => Math.Log10(double.IsNaN(value) ? Floor : Math.Max(value, Floor));
}
