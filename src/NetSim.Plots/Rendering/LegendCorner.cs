using NetSim.Plots.Figures;
using ScottPlot;

namespace NetSim.Plots.Rendering;

/// <summary>Chooses the corner of a panel where the legend hides the fewest data points.</summary>
internal static class LegendCorner
{
    private static readonly (Alignment Corner, bool Right, bool Top)[] Corners =
    [
        (Alignment.UpperLeft, false, true),
        (Alignment.UpperRight, true, true),
        (Alignment.LowerRight, true, false),
        (Alignment.LowerLeft, false, false),
    ];

    /// <summary>
    /// The corner whose 45% x 40% box of the drawn range holds the fewest points (first corner on
    /// ties), and how many points that box would hide; on a log-scale panel the boxes are taken on
    /// log10 of the values, as they are drawn.
    /// </summary>
    public static (Alignment Corner, int Hidden) Best(Panel panel)
    {
        var points = panel.Series.Where(s => s.Style != SeriesStyle.StackedBar)
            .SelectMany(s => s.X.Zip(s.Y, (x, y) => (X: x, Y: panel.LogY ? (y > 0 ? Math.Log10(y) : double.NaN) : y)))
            .Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y))
            .ToList();
        if (panel.Series.Any(s => s.Style == SeriesStyle.StackedBar) || points.Count == 0)
        {
            return (Alignment.UpperLeft, 0);
        }

        var (x0, x1) = (points.Min(p => p.X), points.Max(p => p.X));
        var (y0, y1) = (points.Min(p => p.Y), points.Max(p => p.Y));
        var width = Math.Max(x1 - x0, 1e-12);
        var height = Math.Max(y1 - y0, 1e-12);
        return Corners
            .Select(c => (c.Corner, Hidden: points.Count(p =>
                (c.Right ? (x1 - p.X) / width : (p.X - x0) / width) < 0.45 &&
                (c.Top ? (y1 - p.Y) / height : (p.Y - y0) / height) < 0.4)))
            .MinBy(c => c.Hidden);
    }
}
