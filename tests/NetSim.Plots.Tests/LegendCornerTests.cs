using NetSim.Plots.Figures;
using NetSim.Plots.Rendering;
using ScottPlot;

namespace NetSim.Plots.Tests;

public class LegendCornerTests
{
    // A high group on the left (1e5), a lower one on the right (3e4) and a floor along the bottom
    // (10). On a linear axis 3e4 sits mid-height, so the upper right corner is empty; on a log axis
    // it is drawn near the top (log10 4.5 of a 1 to 5 range) and the upper left holds fewer points.
    private static readonly double[] Xs = [10, 15, 20, 25, 30, 35, 40];

    private static Panel PanelOf(bool logY) => new(
        string.Empty,
        "N",
        "latency",
        [
            new Series("high", [10, 15], [1e5, 1e5], null, SeriesStyle.LineMarkers, 0),
            new Series("middle", [30, 35, 40], [3e4, 3e4, 3e4], null, SeriesStyle.LineMarkers, 1),
            new Series("floor", Xs, Xs.Select(_ => 10.0).ToList(), null, SeriesStyle.LineMarkers, 2),
        ],
        LogY: logY);

    [Fact]
    public void Given_a_linear_panel_When_the_legend_corner_is_chosen_Then_it_is_the_empty_upper_right()
    {
        Assert.Equal((Alignment.UpperRight, 0), LegendCorner.Best(PanelOf(logY: false)));
    }

    [Fact]
    public void Given_the_same_values_on_a_log_panel_When_the_legend_corner_is_chosen_Then_it_avoids_the_points_drawn_near_the_top_right()
    {
        // The high group's two points are the fewest any corner hides, so the renderer moves the legend below the panel.
        Assert.Equal((Alignment.UpperLeft, 2), LegendCorner.Best(PanelOf(logY: true)));
    }

    [Fact]
    public void Given_five_long_labels_over_points_at_mid_height_in_every_corner_Then_no_corner_is_free_and_the_legend_goes_below()
    {
        // wang2024-fig1 (a): five 27-character labels make a legend about 60% of the data area wide
        // and tall, which covers the points at 36 to 40 ms near the upper left; the fixed 45% x 40%
        // box missed them and the legend was drawn over the line.
        var xs = new double[] { 100, 250, 500, 750, 1000, 1500, 2000, 3000 };
        var panel = new Panel(
            string.Empty,
            "S_e^max",
            "latency",
            [
                new Series("(c1, c2, c3) = (1, 1, 1e-3)", xs, xs.Select(_ => 40.0).ToList(), null, SeriesStyle.LineMarkers, 0),
                new Series("(c1, c2, c3) = (10, 1, 1e-3)", xs, [38, 35, 31.3, 26.3, 27, 27, 27, 27], null, SeriesStyle.LineMarkers, 1),
                new Series("(c1, c2, c3) = (1, 10, 1e-3)", xs, [39.3, 39, 38, 37, 36, 50, 50, 50], null, SeriesStyle.LineMarkers, 2),
                new Series("(c1, c2, c3) = (1, 1, 0.01)", xs, xs.Select(_ => 40.0).ToList(), null, SeriesStyle.LineMarkers, 3),
                new Series("Random", xs, xs.Select(_ => 29.7).ToList(), null, SeriesStyle.LineMarkers, 4),
            ]);

        var (width, height) = LegendCorner.Size(panel);
        var (_, hidden) = LegendCorner.Best(panel);

        Assert.InRange(width, 0.55, 0.7);
        Assert.InRange(height, 0.55, 0.7);
        Assert.True(hidden > 0, "some corner was judged free although every corner of this panel holds points under a legend this size");
    }
}
