using MathNet.Numerics.Distributions;
using NetSim.Kernel.Randomness;

namespace NetSim.Kernel.Tests.Randomness;

public class RandomStreamTests
{
    [Fact]
    public void Given_the_same_root_seed_and_name_Then_the_draws_are_identical()
    {
        var a = new RandomStreams(42).Get("ue/3/arrivals");
        var b = new RandomStreams(42).Get("ue/3/arrivals");

        Assert.Equal(Enumerable.Range(0, 100).Select(_ => a.NextULong()), Enumerable.Range(0, 100).Select(_ => b.NextULong()));
    }

    [Fact]
    public void Given_a_new_stream_is_created_in_between_Then_an_existing_stream_draws_the_same()
    {
        var alone = new RandomStreams(7);
        var crowded = new RandomStreams(7);
        var x = alone.Get("ue/0");
        var y = crowded.Get("ue/0");
        crowded.Get("ue/1").NextDouble();

        Assert.Equal(x.NextDouble(), y.NextDouble());
        Assert.NotEqual(new RandomStreams(7).Get("ue/1").NextDouble(), new RandomStreams(7).Get("ue/0").NextDouble());
    }

    [Fact]
    public void Given_a_stream_Then_its_uniform_draws_pass_a_chi_square_test_and_feed_mathnet()
    {
        // 20 bins, 100,000 draws: the 99.9% point of chi-square with 19 degrees of freedom is 43.8.
        var rng = new RandomStreams(1).Get("test");
        var bins = new int[20];
        for (var i = 0; i < 100_000; i++)
        {
            bins[(int)(rng.NextDouble() * 20)]++;
        }

        var chi2 = bins.Sum(b => (b - 5000.0) * (b - 5000.0) / 5000.0);
        Assert.True(chi2 < 43.8, $"chi-square {chi2}");

        // Exponential through MathNet: mean within 1% (standard error is 0.3% at 100,000 draws).
        var mean = Enumerable.Range(0, 100_000).Average(_ => Exponential.Sample(rng, 2.0));
        Assert.Equal(0.5, mean, 0.005);
    }

    [Fact]
    public void Given_bounded_integer_draws_Then_they_stay_in_range()
    {
        var rng = new RandomStreams(3).Get("ints");

        Assert.All(Enumerable.Range(0, 1000).Select(_ => rng.Next(3, 9)), v => Assert.InRange(v, 3, 8));
        Assert.All(Enumerable.Range(0, 1000).Select(_ => rng.Next(5)), v => Assert.InRange(v, 0, 4));
    }
}
