using System.Xml.Linq;
using NetSim.Plots.Figures;
using ScottPlot;
using SkiaSharp;

namespace NetSim.Plots.Rendering;

/// <summary>Draws <see cref="FigureData"/> with ScottPlot: one plot per panel, stacked top to bottom, saved as PNG or SVG.</summary>
public static class FigureRenderer
{
    private static readonly ScottPlot.Palettes.Category10 Palette = new();

    /// <summary>One ScottPlot plot per panel, styled for a two-column paper.</summary>
    public static IReadOnlyList<Plot> Plots(FigureData figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        return figure.Panels.Select((p, i) => Draw(p, showLegend: i == 0 || p.Series.Any(s => s.Style == SeriesStyle.StackedBar))).ToList();
    }

    /// <summary>Saves <paramref name="figure"/> to <paramref name="path"/>; the extension (.png or .svg) chooses the format.</summary>
    public static void Save(FigureData figure, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is not ".png" and not ".svg")
        {
            throw new ArgumentException($"{path}: expected a .png or .svg file", nameof(path));
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var plots = Plots(figure);
        var heights = figure.Panels.Select(Height).ToList();
        if (extension == ".svg")
        {
            File.WriteAllText(path, Svg(plots, heights));
        }
        else
        {
            File.WriteAllBytes(path, Png(plots, heights));
        }
    }

    /// <summary>
    /// A panel's height in logical pixels: <see cref="PaperStyle.PanelHeight"/>, or for a map its
    /// full height (<see cref="PaperStyle.Width"/> and half a panel for title and legend) less the
    /// height its data leave empty when they are wider than tall (a road), at least a panel's.
    /// </summary>
    private static int Height(Panel panel)
    {
        if (!panel.EqualAxes)
        {
            return PaperStyle.PanelHeight;
        }

        var full = PaperStyle.Width + (PaperStyle.PanelHeight / 2);
        if (MapLimits(panel) is not { } limits)
        {
            return full;
        }

        var aspect = (limits.Y1 - limits.Y0) / (limits.X1 - limits.X0);
        return Math.Clamp((int)Math.Ceiling(full - (MapAxisWidth * (1 - aspect))), PaperStyle.PanelHeight, full);
    }

    /// <summary>The width of a map's data area in logical pixels, about (the panel less its Y axis).</summary>
    private const int MapAxisWidth = 290;

    /// <summary>A map's limits: a margin of a tenth of the larger span around every point, so markers at the edge show whole; null without a finite point.</summary>
    private static (double X0, double X1, double Y0, double Y1)? MapLimits(Panel panel)
    {
        var points = panel.Series.SelectMany(p => p.X.Zip(p.Y)).Where(p => double.IsFinite(p.First) && double.IsFinite(p.Second)).ToList();
        if (points.Count == 0)
        {
            return null;
        }

        var (x0, x1) = (points.Min(p => p.First), points.Max(p => p.First));
        var (y0, y1) = (points.Min(p => p.Second), points.Max(p => p.Second));
        var margin = Math.Max(Math.Max(x1 - x0, y1 - y0), 1) / 10;
        return (x0 - margin, x1 + margin, y0 - margin, y1 + margin);
    }

    /// <summary><paramref name="figure"/> as one SVG document, as <see cref="Save"/> writes it to a .svg file.</summary>
    public static string ToSvg(FigureData figure) => Svg(Plots(figure), figure.Panels.Select(Height).ToList());

    private static byte[] Png(IReadOnlyList<Plot> plots, IReadOnlyList<int> heights)
    {
        var width = (int)(PaperStyle.Width * PaperStyle.PngScale);
        using var surface = SKSurface.Create(new SKImageInfo(width, (int)(heights.Sum() * PaperStyle.PngScale)));
        surface.Canvas.Clear(SKColors.White);
        var top = 0;
        for (var i = 0; i < plots.Count; i++)
        {
            var height = (int)(heights[i] * PaperStyle.PngScale);
            plots[i].ScaleFactor = PaperStyle.PngScale;
            using var image = SKImage.FromEncodedData(plots[i].GetImage(width, height).GetImageBytes());
            surface.Canvas.DrawImage(image, 0, top);
            top += height;
        }

        using var snapshot = surface.Snapshot();
        using var data = snapshot.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>The panels' SVG documents nested in one, each moved down by the panels above it.</summary>
    private static string Svg(IReadOnlyList<Plot> plots, IReadOnlyList<int> heights)
    {
        XNamespace ns = "http://www.w3.org/2000/svg";
        var height = heights.Sum();
        var root = new XElement(ns + "svg", new XAttribute("width", PaperStyle.Width), new XAttribute("height", height), new XAttribute("viewBox", $"0 0 {PaperStyle.Width} {height}"));
        var top = 0;
        for (var i = 0; i < plots.Count; i++)
        {
            var panel = XDocument.Parse(plots[i].GetSvgXml(PaperStyle.Width, heights[i])).Root!;
            panel.SetAttributeValue("x", 0);
            panel.SetAttributeValue("y", top);
            root.Add(panel);
            top += heights[i];
        }

        return new XDocument(new XDeclaration("1.0", "utf-8", null), root).ToString();
    }

    private static Plot Draw(Panel panel, bool showLegend)
    {
        var plot = new Plot();
        plot.Font.Set(PaperStyle.Font);
        plot.XLabel(panel.XLabel, PaperStyle.LabelSize);
        var stacked = panel.Series.Where(s => s.Style == SeriesStyle.StackedBar).ToList();
        var legend = showLegend && panel.Series.Any(s => s.Label is not null);
        // Bars keep their legend beside the data, on the right; a map below it.
        var beside = stacked.Count > 0;
        var corner = legend && !beside && !panel.EqualAxes ? LegendCorner.Best(panel) : (Corner: Alignment.UpperLeft, Hidden: 0);

        // Every corner would hide data: the legend goes below the panel, which leaves the Y label less height.
        var below = corner.Hidden > 0 || panel.EqualAxes;
        plot.YLabel(Wrapped(panel.YLabel, below ? PaperStyle.YLabelBesideLegend : PaperStyle.YLabelLength), PaperStyle.LabelSize);
        if (panel.Title.Length > 0)
        {
            plot.Title(panel.Title, PaperStyle.LabelSize);
        }

        plot.Axes.Bottom.TickLabelStyle.FontSize = PaperStyle.TickSize;
        plot.Axes.Left.TickLabelStyle.FontSize = PaperStyle.TickSize;
        plot.Grid.MajorLineColor = Colors.Black.WithAlpha(0.08);
        if (stacked.Count > 0)
        {
            StackedBars(plot, stacked);
        }

        var log = panel.LogY ? LogAxis.For(panel.Series) : null;
        foreach (var series in panel.Series.Where(s => s.Style != SeriesStyle.StackedBar))
        {
            Lines(plot, series, log);
        }

        if (log is not null)
        {
            plot.Axes.Left.SetTicks(log.Ticks.Select(t => t.Position).ToArray(), log.Ticks.Select(t => t.Label).ToArray());
            plot.Axes.SetLimitsY(Math.Log10(log.Floor), Math.Log10(log.Top));
        }

        if (panel.XTicks is { } ticks)
        {
            plot.Axes.Bottom.SetTicks(ticks.Select(t => t.Position).ToArray(), ticks.Select(t => t.Label).ToArray());
        }

        if (panel.EqualAxes)
        {
            // The data with their margin, then square units by widening whichever axis needs it.
            if (MapLimits(panel) is { } limits)
            {
                plot.Axes.SetLimits(limits.X0, limits.X1, limits.Y0, limits.Y1);
            }

            plot.Axes.Rules.Add(new ScottPlot.AxisRules.SquareZoomOut(plot.Axes.Bottom, plot.Axes.Left));
        }

        if (legend)
        {
            plot.Legend.FontSize = PaperStyle.LegendSize;
            plot.Legend.ShadowOffset = new PixelOffset(0, 0);
            plot.Legend.BackgroundColor = Colors.White.WithAlpha(0.85);
            plot.Legend.OutlineColor = Colors.Gray;
            if (beside)
            {
                plot.ShowLegend(Edge.Right);
            }
            else if (below)
            {
                plot.ShowLegend(Edge.Bottom);
            }
            else
            {
                plot.ShowLegend(corner.Corner);
            }
        }
        else
        {
            plot.HideLegend();
        }

        return plot;
    }

    /// <summary>
    /// <paramref name="label"/> in lines of at most <paramref name="length"/> logical pixels, so that a
    /// long Y label is not cut off at the panel's edges: broken at its commas (between a metric and
    /// its population) when each part fits, else between words, never before the unit.
    /// </summary>
    internal static string Wrapped(string label, float length)
    {
        using var typeface = SKTypeface.FromFamilyName(PaperStyle.Font);
        using var font = new SKFont(typeface, PaperStyle.LabelSize);
        bool Fits(string line) => font.MeasureText(line) <= length;
        if (Fits(label))
        {
            return label;
        }

        var parts = label.Split(", ");
        var pieces = parts.All(Fits) ? parts.Select((p, i) => i < parts.Length - 1 ? p + "," : p).ToList() : Words(label);
        var lines = new List<string>();
        foreach (var piece in pieces)
        {
            if (lines.Count > 0 && Fits(lines[^1] + " " + piece))
            {
                lines[^1] += " " + piece;
            }
            else
            {
                lines.Add(piece);
            }
        }

        return string.Join('\n', lines);
    }

    /// <summary>The words of a label, a closing unit such as "(ms)" kept with the word before it.</summary>
    private static List<string> Words(string label)
    {
        var words = label.Split(' ').ToList();
        if (words.Count > 1 && words[^1].StartsWith('('))
        {
            words[^2] += " " + words[^1];
            words.RemoveAt(words.Count - 1);
        }

        return words;
    }

    private static void Lines(Plot plot, Series series, LogAxis? log)
    {
        var color = series.Style == SeriesStyle.Marks ? Colors.Black : Palette.GetColor(series.Color);
        var xs = series.X.ToArray();
        var ys = log is null ? series.Y.ToArray() : series.Y.Select(log.Position).ToArray();
        var scatter = plot.Add.Scatter(xs, ys, series.Style == SeriesStyle.Faint ? color.WithAlpha(0.3) : color);
        scatter.LegendText = series.Label ?? string.Empty;
        scatter.LineWidth = series.Style switch
        {
            SeriesStyle.Faint => 0.75f,
            SeriesStyle.Points or SeriesStyle.Sites or SeriesStyle.Rings or SeriesStyle.Marks => 0,
            _ => 1.5f,
        };
        scatter.MarkerSize = series.Style switch
        {
            SeriesStyle.LineMarkers => 5,
            SeriesStyle.Points => 6,
            SeriesStyle.Sites => 12,
            SeriesStyle.Rings => 18,
            SeriesStyle.Marks => 9,
            _ => 0,
        };
        scatter.MarkerShape = series.Style switch
        {
            SeriesStyle.Sites => MarkerShape.FilledTriangleUp,
            SeriesStyle.Rings => MarkerShape.OpenCircle,
            SeriesStyle.Marks => MarkerShape.Eks,
            _ => MarkerShape.FilledCircle,
        };
        if (series.Style is SeriesStyle.Rings or SeriesStyle.Marks)
        {
            scatter.MarkerLineWidth = 2;
        }
        if (series.Style == SeriesStyle.Step)
        {
            scatter.ConnectStyle = ConnectStyle.StepHorizontal;
        }

        if (series.Error is { } errors && errors.Any(e => !double.IsNaN(e)))
        {
            var halfWidths = errors.Select(e => double.IsNaN(e) ? 0 : e).ToArray();
            var bars = plot.Add.ErrorBar(xs, ys, halfWidths);
            if (log is not null)
            {
                bars.YErrorPositive = series.Y.Select((y, i) => log.Position(y + halfWidths[i]) - ys[i]).ToArray();
                bars.YErrorNegative = series.Y.Select((y, i) => ys[i] - log.Position(y - halfWidths[i])).ToArray();
            }

            bars.Color = color;
            bars.LineWidth = 1;
        }
    }

    private static void StackedBars(Plot plot, List<Series> segments)
    {
        var count = segments[0].X.Count;
        var bases = new double[count];
        var bars = new List<Bar>();
        foreach (var segment in segments)
        {
            var color = Palette.GetColor(segment.Color);
            for (var i = 0; i < count; i++)
            {
                bars.Add(new Bar { Position = segment.X[i], ValueBase = bases[i], Value = bases[i] + segment.Y[i], FillColor = color, Size = 0.6 });
                bases[i] += segment.Y[i];
            }

            // Listed top to bottom as the segments stack, so the legend reads like the bars.
            plot.Legend.ManualItems.Insert(0, new LegendItem { LabelText = segment.Label ?? string.Empty, FillColor = color });
        }

        plot.Add.Bars(bars);
        plot.Axes.Margins(bottom: 0);
    }
}
