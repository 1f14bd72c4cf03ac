using NetSim.Network.Metrics;

namespace NetSim.Network.Tests.Metrics;

public class ConfidenceIntervalTests
{
    [Fact]
    public void Given_five_values_Then_the_half_width_uses_student_t_with_four_degrees_of_freedom()
    {
        // Mean 3, sample variance 2.5; t(0.975, 4) = 2.7764451 from printed tables.
        var ci = ConfidenceInterval.Of([1, 2, 3, 4, 5]);

        Assert.Equal(3, ci.Mean, 12);
        Assert.Equal(2.7764451 * Math.Sqrt(2.5 / 5), ci.HalfWidth, 6);
        Assert.Equal(5, ci.Count);
    }

    [Fact]
    public void Given_one_value_Then_the_half_width_is_undefined()
    {
        var ci = ConfidenceInterval.Of([7.0, double.NaN]);

        Assert.Equal(7, ci.Mean);
        Assert.True(double.IsNaN(ci.HalfWidth));
    }

    [Fact]
    public void Given_equal_values_Then_the_mean_is_that_value_and_the_half_width_exactly_zero()
    {
        // Ten copies of 0.04 sum to 0.39999999999999997 in floating point: a mean of 0.0399...96
        // and a spread of about 1e-17 that a table would print as "40 ± 5.358E-15 ms".
        var ci = ConfidenceInterval.Of(Enumerable.Repeat(0.04, 10));

        Assert.Equal(0.04, ci.Mean);
        Assert.Equal(0.0, ci.HalfWidth);
        Assert.Equal("40 ± 0", MetricText.Cell(MetricCatalog.MeanLatency, Enumerable.Repeat(0.04, 10).ToList()));
    }
}
