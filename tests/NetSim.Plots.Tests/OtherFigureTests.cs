using NetSim.Network.Recording;
using NetSim.Plots.Building;
using NetSim.Plots.Figures;
using NetSim.Traces;

namespace NetSim.Plots.Tests;

public class OtherFigureTests
{
    private const double Tolerance = 1e-9;

    private static IEnumerable<EpisodeRecord> Rewards(string agent, params double[] rewards) =>
        rewards.Select((r, i) => new EpisodeRecord(agent, i, r, double.NaN, double.NaN, double.NaN, 1));

    [Fact]
    public void Given_two_training_runs_When_the_convergence_figure_is_built_Then_raw_is_the_mean_per_episode_and_the_line_its_trailing_average()
    {
        using var db = new FixtureDatabase();
        db.Run("ddpg", episodes: Rewards("ddpg", 0, 2, 4, 6));
        db.Run("ddpg", episodes: Rewards("ddpg", 2, 4, 6, 8), replication: 1);
        db.Run("maddpg-mato", episodes: Rewards("maddpg-mato", 5, 5, 5, 5));
        using var reader = new TraceReader(db.PathName);

        var figure = FigureBuilder.Build(reader, new FigureSpec { Name = "c", Kind = FigureKind.Convergence, Policies = ["ddpg"], Smoothing = 2 });

        var series = Assert.Single(figure.Panels).Series;
        Assert.Equal(2, series.Count);
        Assert.Null(series[0].Label);
        Assert.Equal(SeriesStyle.Faint, series[0].Style);
        Assert.Equal([0.0, 1, 2, 3], series[0].X);
        Assert.Equal([1.0, 3, 5, 7], series[0].Y);
        Assert.Equal("SADDPG", series[1].Label);
        Assert.Equal([1.0, 2, 4, 6], series[1].Y);
        Assert.Equal(series[0].Color, series[1].Color);
    }

    [Fact]
    public void Given_queue_samples_When_the_queue_figure_is_built_Then_each_node_is_a_step_series_of_its_samples()
    {
        using var db = new FixtureDatabase();
        var run = db.Run("nearest", samples: [new("edge:0", 0, 1), new("ue:0", 0.5, 1), new("edge:0", 1, 2), new("edge:0", 2, 0)]);
        using var reader = new TraceReader(db.PathName);

        var figure = FigureBuilder.Build(reader, new FigureSpec { Name = "q", Kind = FigureKind.QueueLength });

        var panel = Assert.Single(figure.Panels);
        Assert.Equal($"run {run}", panel.Title);
        Assert.Equal(["edge:0", "ue:0"], panel.Series.Select(s => s.Label));
        Assert.Equal([0.0, 1, 2], panel.Series[0].X);
        Assert.Equal([1.0, 2, 0], panel.Series[0].Y);
        Assert.All(panel.Series, s => Assert.Equal(SeriesStyle.Step, s.Style));
    }

    [Fact]
    public void Given_ten_nodes_When_the_queue_figure_is_built_Then_the_eight_with_the_longest_queues_are_drawn()
    {
        using var db = new FixtureDatabase();
        db.Run("nearest", samples: Enumerable.Range(0, 10).Select(n => new NetSim.Network.Recording.QueueSample($"ue:{n}", n, n + 1)).ToList());
        using var reader = new TraceReader(db.PathName);

        var figure = FigureBuilder.Build(reader, new FigureSpec { Name = "q", Kind = FigureKind.QueueLength });

        Assert.Equal(Enumerable.Range(2, 8).Select(n => $"ue:{n}"), figure.Panels[0].Series.Select(s => s.Label));
    }

    [Fact]
    public void Given_task_latencies_When_the_cdf_is_built_Then_its_points_are_the_order_statistics_at_i_over_n()
    {
        using var db = new FixtureDatabase();
        db.Run("nearest", tasks: [FixtureDatabase.Latency(0, 0.030), FixtureDatabase.Latency(1, 0.010)]);
        db.Run("nearest", tasks: [FixtureDatabase.Latency(0, 0.020), FixtureDatabase.Latency(1, 0.040)], replication: 1);
        var dropped = FixtureDatabase.Latency(1, 0.001) with { Status = TaskOutcome.Dropped };
        db.Run("local", tasks: [FixtureDatabase.Latency(0, 0.005), dropped]);
        using var reader = new TraceReader(db.PathName);

        var figure = FigureBuilder.Build(reader, new FigureSpec { Name = "cdf", Kind = FigureKind.LatencyCdf });

        var series = Assert.Single(figure.Panels).Series;
        Assert.Equal(["Nearest", "Local"], series.Select(s => s.Label));
        Assert.Equal([10.0, 20, 30, 40], series[0].X.Select(x => Math.Round(x, 9)));
        Assert.Equal([0.25, 0.5, 0.75, 1], series[0].Y);
        Assert.Equal([5.0], series[1].X.Select(x => Math.Round(x, 9)));
        Assert.Equal([1.0], series[1].Y);
    }

    [Fact]
    public void Given_task_timestamps_When_the_breakdown_is_built_Then_the_segments_are_the_mean_grant_wait_upload_model_wait_queue_compute_and_rest()
    {
        using var db = new FixtureDatabase();
        var first = FixtureDatabase.Task(0, created: 0, uploadStart: 0.002, uploadEnd: 0.006, modelWait: 0.001, queueEnter: 0.007, serviceStart: 0.009, serviceEnd: 0.012, completed: 0.014) with { GrantWait = 0.002 };
        var second = FixtureDatabase.Task(1, created: 1, uploadStart: 1, uploadEnd: 1.002, modelWait: 0, queueEnter: 1.002, serviceStart: 1.002, serviceEnd: 1.008, completed: 1.008);
        db.Run("nearest", tasks: [first, second]);
        using var reader = new TraceReader(db.PathName);

        var figure = FigureBuilder.Build(reader, new FigureSpec { Name = "b", Kind = FigureKind.LatencyBreakdown });

        var panel = Assert.Single(figure.Panels);
        Assert.Equal(["Grant wait", "Upload", "Model wait", "Queue", "Compute", "Other"], panel.Series.Select(s => s.Label));
        double[] expected = [1, 3, 0.5, 1, 4.5, 1];
        for (var s = 0; s < expected.Length; s++)
        {
            Assert.Equal(expected[s], panel.Series[s].Y[0], 1e-9);
        }

        Assert.Equal(11, panel.Series.Sum(s => s.Y[0]), 1e-9);
        Assert.Equal("Nearest", Assert.Single(panel.XTicks!).Label);
    }

    [Fact]
    public void Given_more_values_than_points_Then_the_cdf_keeps_the_order_statistics_of_evenly_spaced_ranks()
    {
        var (x, y) = EmpiricalCdf.Of(Enumerable.Range(1, 5000).Select(i => (double)(5001 - i)), maxPoints: 1000);

        Assert.Equal(1000, x.Length);
        Assert.Equal(5, x[0]);
        Assert.Equal(0.001, y[0], Tolerance);
        Assert.Equal(2500, x[499]);
        Assert.Equal(5000, x[^1]);
        Assert.Equal(1, y[^1]);
    }

    [Fact]
    public void Given_values_When_smoothed_over_three_Then_each_is_the_mean_of_itself_and_up_to_two_before()
    {
        Assert.Equal([3.0, 4.5, 6, 9], Smoothing.MovingAverage([3, 6, 9, 12], 3));
    }

    [Theory]
    [InlineData("20", 20)]
    [InlineData("15ms", 0.015)]
    [InlineData("20MHz", 2e7)]
    [InlineData("1.5GFLOPS", 1.5e9)]
    public void Given_swept_text_Then_its_number_is_in_SI_units(string text, double expected)
    {
        Assert.Equal(expected, Data.ParamValue.Number(text), 1e-12 * Math.Abs(expected));
    }
}
