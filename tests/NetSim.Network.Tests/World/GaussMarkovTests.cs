using NetSim.Network.Geometry;
using NetSim.Network.Mobility;

namespace NetSim.Network.Tests.World;

/// <summary>
/// Gauss-Markov mobility against the stationary laws of its update (Liang and Haas; Camp, Boleng
/// and Davies): <c>s_n - mean = alpha (s_(n-1) - mean) + sqrt(1 - alpha^2) sd N(0,1)</c> is an AR(1)
/// process, so in the long run the speed has mean <c>mean</c>, variance <c>sd^2</c> and lag-k
/// autocorrelation <c>alpha^k</c>, and the heading alike around its mean heading. The speeds are
/// read from the path (the velocity in the middle of each step) over 200,000 steps of one fixed
/// seed in an area too large to be left (no reflection), after 1,000 steps of burn-in (the speed
/// starts at its mean, the variance grows to sd^2 as 1 - alpha^(2n)).
/// <para>
/// Tolerances are 5 standard errors of each estimator for an AR(1) process of N steps:
/// the mean's is <c>sd sqrt((1 + alpha) / ((1 - alpha) N))</c>, the variance's
/// <c>sd^2 sqrt(2 (1 + alpha^2) / ((1 - alpha^2) N))</c> and the lag-k autocorrelation's
/// Bartlett's <c>sqrt(((1 + alpha^2)(1 - alpha^(2k)) / (1 - alpha^2) - 2 k alpha^(2k)) / N)</c>;
/// a chance failure has probability below 1e-6 each. They cannot pass by chance either: the
/// autocorrelations at alpha = 0.8 are 0.8, 0.64, 0.512 with standard errors of 0.0013 to 0.003, so
/// an alpha off by 0.05 misses by more than 15 of them. Built with alpha = 0.75 and checked against
/// 0.8, both tests failed at the lag-1 autocorrelation (speed 0.752, heading 0.751, against
/// 0.800 +- 0.007).
/// </para>
/// </summary>
public class GaussMarkovTests
{
    private const double Alpha = 0.8;
    private const double MeanSpeed = 10;
    private const double SpeedSd = 2;
    private const double HeadingSd = 0.3;
    private const double Step = 1;
    private const int BurnIn = 1_000;
    private const int N = 200_000;

    /// <summary>The speed and the heading (from the first heading, which is the mean heading, in (-pi, pi]) of each step after the burn-in.</summary>
    private static (double[] Speeds, double[] Headings) Steps(double alpha)
    {
        var path = new GaussMarkovTrajectory(new Point(0, 0), new Area(-1e12, -1e12, 1e12, 1e12), MeanSpeed, alpha, Step, SpeedSd, HeadingSd, new Random(2024));
        var (vx0, vy0) = path.VelocityAt(Step / 2);
        var mean = Math.Atan2(vy0, vx0);
        var speeds = new double[N];
        var headings = new double[N];
        for (var n = 0; n < BurnIn + N; n++)
        {
            var (vx, vy) = path.VelocityAt((n + 0.5) * Step);
            if (n >= BurnIn)
            {
                speeds[n - BurnIn] = Math.Sqrt((vx * vx) + (vy * vy));
                var h = Math.Atan2(vy, vx) - mean;
                headings[n - BurnIn] = Math.Atan2(Math.Sin(h), Math.Cos(h));
            }
        }

        return (speeds, headings);
    }

    private static double Mean(double[] x) => x.Average();

    private static double Variance(double[] x)
    {
        var m = Mean(x);
        return x.Sum(v => (v - m) * (v - m)) / x.Length;
    }

    private static double Autocorrelation(double[] x, int k)
    {
        var m = Mean(x);
        var sum = 0.0;
        for (var i = 0; i + k < x.Length; i++)
        {
            sum += (x[i] - m) * (x[i + k] - m);
        }

        return sum / x.Length / Variance(x);
    }

    private static double BartlettSe(double alpha, int k)
    {
        var a2 = alpha * alpha;
        var a2k = Math.Pow(a2, k);
        return Math.Sqrt((((1 + a2) * (1 - a2k) / (1 - a2)) - (2 * k * a2k)) / N);
    }

    private static void AssertStationary(double[] x, double mean, double sd, double alpha, string what)
    {
        var meanSe = sd * Math.Sqrt((1 + alpha) / ((1 - alpha) * N));
        var varianceSe = sd * sd * Math.Sqrt(2 * (1 + (alpha * alpha)) / ((1 - (alpha * alpha)) * N));
        Assert.True(Math.Abs(Mean(x) - mean) < 5 * meanSe, $"{what}: mean {Mean(x)}, expected {mean} +- {5 * meanSe}");
        Assert.True(Math.Abs(Variance(x) - (sd * sd)) < 5 * varianceSe, $"{what}: variance {Variance(x)}, expected {sd * sd} +- {5 * varianceSe}");
        for (var k = 1; k <= 3; k++)
        {
            var expected = Math.Pow(Alpha, k);
            var se = BartlettSe(Alpha, k);
            Assert.True(Math.Abs(Autocorrelation(x, k) - expected) < 5 * se, $"{what}: lag-{k} autocorrelation {Autocorrelation(x, k)}, expected {expected} +- {5 * se}");
        }
    }

    [Fact]
    public void Given_a_long_run_When_its_speeds_are_read_Then_their_mean_variance_and_autocorrelations_are_the_stationary_ones()
    {
        // P(speed < 0) = P(Z < -5) per step: the floor at 0 changes nothing measurable.
        var (speeds, _) = Steps(Alpha);

        AssertStationary(speeds, MeanSpeed, SpeedSd, Alpha, "speed");
    }

    [Fact]
    public void Given_a_long_run_When_its_headings_are_read_Then_they_vary_around_the_first_heading_as_the_speed_around_its_mean()
    {
        // With sd 0.3 rad the heading strays more than pi from its mean with probability far
        // below 1e-20, so reading it back through atan2 loses no turn.
        var (_, headings) = Steps(Alpha);

        AssertStationary(headings, 0, HeadingSd, Alpha, "heading");
    }
}
