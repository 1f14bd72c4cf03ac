using NetSim.Network.Geometry;
using NetSim.Network.Mobility;

namespace NetSim.Network.Tests.World;

/// <summary>
/// Random waypoint's stationary laws. Each statistic is a time average over a long path read at
/// regular times, split into 20 batches; the assertion allows 5 standard errors of the batch means
/// (a chance failure has probability below 1e-5 for normal batch means) and checks the standard
/// error is small against the difference it must tell apart, so a loose estimate cannot pass.
/// </summary>
public class RandomWaypointTests
{
    private const int Batches = 20;

    private static (double Mean, double StandardError) BatchMeans(Trajectory path, double duration, double dt, Func<double, Point, double> value)
    {
        var perBatch = (int)(duration / dt / Batches);
        var means = new double[Batches];
        var t = 0.0;
        for (var b = 0; b < Batches; b++)
        {
            var sum = 0.0;
            for (var i = 0; i < perBatch; i++)
            {
                t += dt;
                sum += value(t, path.At(t));
            }

            means[b] = sum / perBatch;
        }

        var mean = means.Average();
        var variance = means.Sum(m => (m - mean) * (m - mean)) / (Batches - 1);
        return (mean, Math.Sqrt(variance / Batches));
    }

    [Fact]
    public void Given_uniform_speeds_without_pause_When_averaged_over_time_Then_the_mean_speed_is_v2_minus_v1_over_ln_v2_over_v1()
    {
        // A leg of length D at speed V lasts D / V, so the time-average speed is E[D] / E[D / V]
        // = 1 / E[1 / V] = (v2 - v1) / ln(v2 / v1), whatever the distances: 2.485 m/s for [1, 5],
        // against the 3 m/s of the speeds' own mean.
        const double v1 = 1;
        const double v2 = 5;
        var path = new RandomWaypointTrajectory(new Point(500, 500), new Area(0, 0, 1000, 1000), v1, v2, 0, new Random(42));

        var (mean, se) = BatchMeans(path, 1e7, 5, (t, _) =>
        {
            var (vx, vy) = path.VelocityAt(t);
            return Math.Sqrt((vx * vx) + (vy * vy));
        });

        var expected = (v2 - v1) / Math.Log(v2 / v1);
        Assert.True(se < 0.01 * expected, $"standard error {se} too large to test");
        Assert.True(Math.Abs(mean - expected) < 5 * se, $"mean speed {mean}, expected {expected} (standard error {se})");
        Assert.True(Math.Abs(mean - ((v1 + v2) / 2)) > 20 * se, "the test must tell the time average from the speeds' mean");
    }

    [Fact]
    public void Given_a_segment_When_the_ue_wanders_by_random_waypoint_Then_its_density_is_6x_1_minus_x_heavy_in_the_centre()
    {
        // On a segment [0, a] (a rectangle of height 0) the stationary density is 6 x (a - x) / a^3
        // (Bettstetter, Hartenstein and Perez-Costa 2004), so the middle half holds
        // [3u^2 - 2u^3] from 1/4 to 3/4 = 0.6875 of the time, against 0.5 for a uniform position.
        const double a = 1000;
        var path = new RandomWaypointTrajectory(new Point(0, 0), new Area(0, 0, a, 0), 2, 2, 0, new Random(7));

        var (fraction, se) = BatchMeans(path, 2e7, 13, (_, p) => p.X >= a / 4 && p.X <= 3 * a / 4 ? 1 : 0);

        Assert.True(se < 0.005, $"standard error {se} too large to test");
        Assert.True(Math.Abs(fraction - 0.6875) < 5 * se, $"fraction in the middle half {fraction}, expected 0.6875 (standard error {se})");
    }

    [Fact]
    public void Given_a_square_When_the_ue_wanders_by_random_waypoint_Then_the_central_quarter_holds_far_more_than_a_quarter_of_the_time()
    {
        // The central square of half the side is a quarter of the area; random waypoint's density
        // (about 36 x(1-x) y(1-y) on the unit square) puts about 0.47 of the time there.
        var path = new RandomWaypointTrajectory(new Point(0, 0), new Area(0, 0, 1, 1), 0.01, 0.01, 0, new Random(3));

        var (fraction, se) = BatchMeans(path, 2e6, 1.3, (_, p) => p.X >= 0.25 && p.X <= 0.75 && p.Y >= 0.25 && p.Y <= 0.75 ? 1 : 0);

        Assert.True(se < 0.01, $"standard error {se} too large to test");
        Assert.True(fraction - (5 * se) > 0.4, $"fraction in the central quarter {fraction} (standard error {se})");
    }

    [Fact]
    public void Given_pauses_When_the_ue_reaches_a_waypoint_Then_it_stands_there_for_the_pause()
    {
        var path = new RandomWaypointTrajectory(new Point(0, 0), new Area(0, 0, 100, 100), 5, 5, 2, new Random(1));
        var first = new Random(1);
        var waypoint = new Point(100 * first.NextDouble(), 100 * first.NextDouble());
        var arrive = waypoint.DistanceTo(new Point(0, 0)) / 5;

        Assert.Equal(waypoint.X, path.At(arrive).X, 1e-9);
        Assert.Equal(waypoint, path.At(arrive + 1));
        Assert.Equal((0.0, 0.0), path.VelocityAt(arrive + 1.9));
    }
}
