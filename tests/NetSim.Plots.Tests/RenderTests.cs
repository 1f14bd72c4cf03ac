using System.Xml.Linq;
using NetSim.Plots.Building;
using NetSim.Plots.Figures;
using NetSim.Plots.Rendering;
using NetSim.Traces;
using ScottPlot.Plottables;
using SkiaSharp;

namespace NetSim.Plots.Tests;

public class RenderTests
{
    private static FigureData Sweep(FixtureDatabase db, bool logY = false)
    {
        foreach (var (policy, ues, latency, replication) in new[] { ("actor-critic", 10, 0.008, 0), ("actor-critic", 10, 0.010, 1), ("greedy", 10, 0.012, 0), ("greedy", 20, 0.020, 0), ("random", 10, 0.030, 0), ("random", 20, 0.040, 0) })
        {
            db.Run(policy, new Dictionary<string, string> { ["ues.count"] = $"{ues}" }, new Dictionary<string, double> { ["mean_latency"] = latency, ["mean_energy_j"] = 0.002, ["completion_rate"] = 1 }, replication: replication);
        }

        using var reader = new TraceReader(db.PathName);
        var spec = FigureCatalog.Find("zhou2024-fig3")!;
        return FigureBuilder.Build(reader, spec with { Metrics = [spec.Metrics[0] with { LogY = logY }] });
    }

    [Fact]
    public void Given_a_sweep_figure_When_drawn_Then_each_scatter_holds_its_series_and_the_error_bars_its_half_widths()
    {
        using var db = new FixtureDatabase();
        var figure = Sweep(db);

        var plot = Assert.Single(FigureRenderer.Plots(figure));

        var scatters = plot.GetPlottables().OfType<Scatter>().ToList();
        Assert.Equal(["Proposed actor-critic (Zhou et al.)", "Greedy (Zhou et al.)", "Random"], scatters.Select(s => s.LegendText));
        Assert.Equal([(10.0, 9.0)], scatters[0].Data.GetScatterPoints().Select(c => (c.X, Math.Round(c.Y, 9))));
        Assert.Equal([(10.0, 30.0), (20.0, 40.0)], scatters[2].Data.GetScatterPoints().Select(c => (c.X, Math.Round(c.Y, 9))));
        var bars = plot.GetPlottables().OfType<ErrorBar>().First();
        Assert.Equal(StudentT.HalfWidth(StudentT.Df1, 8, 10), bars.YErrorPositive![0], 1e-9);
    }

    [Fact]
    public void Given_a_log_scale_panel_When_drawn_Then_points_are_log10_of_the_means_error_bars_reach_log10_of_mean_plus_and_minus_half_width_and_ticks_mark_decades()
    {
        using var db = new FixtureDatabase();
        var figure = Sweep(db, logY: true);

        var plot = Assert.Single(FigureRenderer.Plots(figure));

        var scatters = plot.GetPlottables().OfType<Scatter>().ToList();
        Assert.Equal([Math.Log10(9)], scatters[0].Data.GetScatterPoints().Select(c => c.Y));
        Assert.Equal([Math.Log10(12), Math.Log10(20)], scatters[1].Data.GetScatterPoints().Select(c => c.Y));
        Assert.Equal([Math.Log10(30), Math.Log10(40)], scatters[2].Data.GetScatterPoints().Select(c => c.Y));

        // Actor-critic at N = 10: 8 and 10 ms, mean 9 ms; the bar spans 9 - h to 9 + h in value, clipped at the floor (1 ms).
        var half = StudentT.HalfWidth(StudentT.Df1, 8, 10);
        var bars = plot.GetPlottables().OfType<ErrorBar>().First();
        Assert.Equal(Math.Log10(9 + half) - Math.Log10(9), bars.YErrorPositive![0], 1e-9);
        Assert.Equal(Math.Log10(9) - Math.Log10(1), bars.YErrorNegative![0], 1e-9);

        // Means from 9 to 40 ms: the axis spans the decades 1 to 100 ms, two decades, so no ticks between them.
        Assert.Equal((0.0, 2.0), (plot.Axes.GetLimits().Bottom, plot.Axes.GetLimits().Top));
        plot.GetImage(1050, 750);
        var ticks = plot.Axes.Left.TickGenerator.Ticks.Where(t => t.IsMajor).Select(t => (t.Position, t.Label)).ToList();
        Assert.Equal([(0.0, "1"), (1.0, "10"), (2.0, "100")], ticks);
    }

    [Fact]
    public void Given_each_figure_kind_When_saved_as_png_and_svg_Then_the_png_is_3_5_inches_at_300_dpi_per_panel_and_the_svg_holds_every_panel()
    {
        using var db = new FixtureDatabase();
        Sweep(db);
        db.Run("ddpg", episodes: Enumerable.Range(0, 30).Select(i => new NetSim.Network.Recording.EpisodeRecord("ddpg", i, -100 + (3 * i), double.NaN, double.NaN, double.NaN, 1)));
        db.Run("nearest", tasks: [FixtureDatabase.Task(0, 0, 0, 0.004, 0.001, 0.005, 0.007, 0.010, 0.012), FixtureDatabase.Latency(1, 0.02, 1)], samples: [new("edge:0", 0, 1), new("edge:0", 1, 0)]);
        using var reader = new TraceReader(db.PathName);
        FigureSpec[] specs =
        [
            FigureCatalog.Find("zhou2024-fig3")!,
            new() { Name = "three", Kind = FigureKind.Sweep, X = "ues.count", Metrics = [MetricLabels.For("mean_latency"), MetricLabels.For("mean_energy_j"), MetricLabels.For("completion_rate")] },
            new() { Name = "convergence", Kind = FigureKind.Convergence },
            new() { Name = "queue", Kind = FigureKind.QueueLength },
            new() { Name = "cdf", Kind = FigureKind.LatencyCdf, Policies = ["nearest"] },
            new() { Name = "breakdown", Kind = FigureKind.LatencyBreakdown, Policies = ["nearest"] },
        ];

        foreach (var spec in specs)
        {
            var figure = FigureBuilder.Build(reader, spec);
            var png = db.File($"{spec.Name}.png");
            var svg = db.File($"{spec.Name}.svg");
            FigureRenderer.Save(figure, png);
            FigureRenderer.Save(figure, svg);

            using var bitmap = SKBitmap.Decode(png);
            Assert.Equal(1050, bitmap.Width);
            Assert.Equal(750 * figure.Panels.Count, bitmap.Height);
            var root = XDocument.Load(svg).Root!;
            Assert.Equal(figure.Panels.Count, root.Elements().Count(e => e.Name.LocalName == "svg"));
            Assert.All(figure.Panels[0].YLabel.Split(' '), word => Assert.Contains(word, root.ToString(), StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Given_a_y_label_longer_than_a_line_When_wrapped_Then_it_breaks_at_the_comma_and_a_short_one_stays_whole()
    {
        Assert.Equal("Mean latency (lower bound),\nall created tasks (ms)", FigureRenderer.Wrapped("Mean latency (lower bound), all created tasks (ms)", PaperStyle.YLabelLength));
        var narrow = FigureRenderer.Wrapped("Mean latency (lower bound), all created tasks (ms)", PaperStyle.YLabelBesideLegend).Split('\n');
        Assert.True(narrow.Length >= 3, string.Join(" | ", narrow));
        Assert.Equal("Mean latency (lower bound), all created tasks (ms)", string.Join(' ', narrow));
        Assert.EndsWith(" (ms)", narrow[^1], StringComparison.Ordinal);
        Assert.Equal("Number of UEs", FigureRenderer.Wrapped("Number of UEs", PaperStyle.YLabelBesideLegend));
    }

    [Fact]
    public void Given_an_unknown_extension_When_saved_Then_it_is_refused()
    {
        var figure = new FigureData("x", [new Panel(string.Empty, "x", "y", [])]);

        Assert.Throws<ArgumentException>(() => FigureRenderer.Save(figure, "figure.jpg"));
    }
}
