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
}
