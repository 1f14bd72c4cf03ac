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
        if (extension == ".svg")
        {
            File.WriteAllText(path, Svg(plots));
        }
        else
        {
            File.WriteAllBytes(path, Png(plots));
        }
    }

    private static byte[] Png(IReadOnlyList<Plot> plots)
    {
        var width = (int)(PaperStyle.Width * PaperStyle.PngScale);
        var height = (int)(PaperStyle.PanelHeight * PaperStyle.PngScale);
        using var surface = SKSurface.Create(new SKImageInfo(width, height * plots.Count));
        surface.Canvas.Clear(SKColors.White);
        for (var i = 0; i < plots.Count; i++)
        {
            plots[i].ScaleFactor = PaperStyle.PngScale;
            using var image = SKImage.FromEncodedData(plots[i].GetImage(width, height).GetImageBytes());
            surface.Canvas.DrawImage(image, 0, i * height);
        }

        using var snapshot = surface.Snapshot();
        using var data = snapshot.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>The panels' SVG documents nested in one, each moved down by the panels above it.</summary>
    private static string Svg(IReadOnlyList<Plot> plots)
    {
        XNamespace ns = "http://www.w3.org/2000/svg";
        var height = PaperStyle.PanelHeight * plots.Count;
        var root = new XElement(ns + "svg", new XAttribute("width", PaperStyle.Width), new XAttribute("height", height), new XAttribute("viewBox", $"0 0 {PaperStyle.Width} {height}"));
        for (var i = 0; i < plots.Count; i++)
        {
            var panel = XDocument.Parse(plots[i].GetSvgXml(PaperStyle.Width, PaperStyle.PanelHeight)).Root!;
            panel.SetAttributeValue("x", 0);
            panel.SetAttributeValue("y", i * PaperStyle.PanelHeight);
            root.Add(panel);
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
        var corner = legend && stacked.Count == 0 ? LegendCorner.Best(panel) : (Corner: Alignment.UpperLeft, Hidden: 0);

        // Every corner would hide data: the legend goes below the panel, which leaves the Y label less height.
        var below = corner.Hidden > 0;
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

        if (legend)
        {
            plot.Legend.FontSize = PaperStyle.LegendSize;
            plot.Legend.ShadowOffset = new PixelOffset(0, 0);
            plot.Legend.BackgroundColor = Colors.White.WithAlpha(0.85);
            plot.Legend.OutlineColor = Colors.Gray;
            if (stacked.Count > 0)
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
        var color = Palette.GetColor(series.Color);
        var xs = series.X.ToArray();
        var ys = log is null ? series.Y.ToArray() : series.Y.Select(log.Position).ToArray();
        var scatter = plot.Add.Scatter(xs, ys, series.Style == SeriesStyle.Faint ? color.WithAlpha(0.3) : color);
        scatter.LegendText = series.Label ?? string.Empty;
        scatter.LineWidth = series.Style == SeriesStyle.Faint ? 0.75f : 1.5f;
        scatter.MarkerSize = series.Style == SeriesStyle.LineMarkers ? 5 : 0;
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
