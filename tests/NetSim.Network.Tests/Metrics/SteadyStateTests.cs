using NetSim.Network.Metrics;

namespace NetSim.Network.Tests.Metrics;

/// <summary>MSER-5 and batch means against hand-computed series.</summary>
public class SteadyStateTests
{
    private static List<LatencyPoint> Series(IEnumerable<double> latencies) => latencies.Select((l, i) => new LatencyPoint(i, l)).ToList();

    [Fact]
    public void Given_a_stationary_series_after_a_transient_Then_mser5_cuts_exactly_the_transient()
    {
        // 20 batches of 5 at 10 (the transient) then 80 batches alternating 1 and 3: any cut inside the
        // transient keeps a batch at 10, whose squared deviation dwarfs the rest, so MSER(d) is smallest
        // at d = 20 (batch means 1, 3, 1, 3, ...: mean 2, variance 1), the first stationary batch.
        var values = Enumerable.Repeat(10.0, 100).Concat(Enumerable.Range(0, 400).Select(i => (i / 5) % 2 == 0 ? 1.0 : 3.0));
        var (cut, tasks) = SteadyState.MserCut(Series(values));
        Assert.Equal(100, tasks);
        Assert.Equal(100, cut);
    }

    [Fact]
    public void Given_a_series_without_transient_Then_mser5_cuts_nothing()
    {
        var values = Enumerable.Range(0, 500).Select(i => (i / 5) % 2 == 0 ? 1.0 : 3.0);
        Assert.Equal((0.0, 0), SteadyState.MserCut(Series(values)));
    }

    [Fact]
    public void Given_values_in_batches_Then_batch_means_give_their_student_interval_and_lag1()
    {
        // Four batches of two: means 1, 2, 3, 4 (the ninth value is left over): mean 2.5, s = 1.291,
        // half-width t(3) 3.18245 * 1.29099 / 2 = 2.05427; lag 1: (-1.5*-0.5 + -0.5*0.5 + 0.5*1.5) / 5 = 0.25.
        var result = SteadyState.BatchMeans([0.5, 1.5, 2, 2, 3, 3, 4, 4, 100], 4)!.Value;
        Assert.Equal(2, result.BatchSize);
        Assert.Equal(2.5, result.Interval.Mean, 12);
        Assert.Equal(2.0543, result.Interval.HalfWidth, 4);
        Assert.Equal(0.25, result.Lag1, 12);
        Assert.True(result.TooCorrelated);
    }
}
