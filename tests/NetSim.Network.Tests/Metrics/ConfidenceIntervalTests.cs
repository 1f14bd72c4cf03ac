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
}
