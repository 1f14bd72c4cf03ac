using NetSim.Network.Metrics;

namespace NetSim.Network.Tests.Metrics;

public class PairedDifferenceTests
{
    [Fact]
    public void Given_common_replications_Then_the_difference_pairs_them_and_uses_student_t_with_n_minus_1_degrees_of_freedom()
    {
        // Replications 0, 1, 2 are common (3 only in A, 4 only in B, 5 NaN in B): differences 1, 3, 2,
        // mean 2, sample variance 1; t(0.975, 2) = 4.3026527 from printed tables.
        var a = new Dictionary<int, double> { [0] = 11, [1] = 23, [2] = 32, [3] = 100, [5] = 7 };
        var b = new Dictionary<int, double> { [0] = 10, [1] = 20, [2] = 30, [4] = -100, [5] = double.NaN };

        var d = PairedDifference.Of(a, b);

        Assert.Equal(3, d.Count);
        Assert.Equal(2, d.Mean, 12);
        Assert.Equal(4.3026527 * Math.Sqrt(1.0 / 3), d.HalfWidth, 6);
    }

    [Theory]
    [InlineData(-1.0, 0.5, PairedVerdict.Lower)]
    [InlineData(1.0, 0.5, PairedVerdict.Higher)]
    [InlineData(-1.0, 1.5, PairedVerdict.Tie)]
    [InlineData(0.0, 0.0, PairedVerdict.Tie)]
    public void Given_an_interval_Then_the_verdict_says_which_side_of_zero_it_lies(double mean, double halfWidth, PairedVerdict expected) =>
        Assert.Equal(expected, PairedDifference.Verdict(new ConfidenceInterval(mean, halfWidth, 5)));

    [Fact]
    public void Given_one_common_replication_Then_there_are_too_few_to_compare() =>
        Assert.Equal(PairedVerdict.TooFewReplications, PairedDifference.Verdict(PairedDifference.Of(new Dictionary<int, double> { [0] = 1 }, new Dictionary<int, double> { [0] = 3 })));
}
