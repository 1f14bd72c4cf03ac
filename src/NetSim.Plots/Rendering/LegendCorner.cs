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
    /// The corner whose legend box holds the fewest points (first corner on ties), and how many
    /// points that box would hide; on a log-scale panel the boxes are taken on log10 of the values,
    /// as they are drawn. The box is the legend's size as drawn (<see cref="Size"/>), at least 45% x
    /// 40% of the drawn range, which keeps points off the legend's edge.
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
        var (boxWidth, boxHeight) = Size(panel);
        return Corners
            .Select(c => (c.Corner, Hidden: points.Count(p =>
                (c.Right ? (x1 - p.X) / width : (p.X - x0) / width) < boxWidth &&
                (c.Top ? (y1 - p.Y) / height : (p.Y - y0) / height) < boxHeight)))
            .MinBy(c => c.Hidden);
    }

    /// <summary>
    /// The legend's width and height as fractions of the data area, from the panel's labels: in
    /// <see cref="PaperStyle"/> units a row is about 18 high plus 12 of padding, a label about 5 wide
    /// a character plus 35 for the marker and padding, in a data area about 280 by 175.
    /// </summary>
    internal static (double Width, double Height) Size(Panel panel)
    {
        var labels = panel.Series.Where(s => s.Label is not null).Select(s => s.Label!).ToList();
        var longest = labels.Count == 0 ? 0 : labels.Max(l => l.Length);
        var width = (35 + (5.0 * longest)) / 280;
        var height = (12 + (18.0 * labels.Count)) / 175;
        return (Math.Max(0.45, width), Math.Max(0.4, height));
    }
}
