using NetSim.Network.Building;
using NetSim.Network.Geometry;
using NetSim.Network.Policies;
using NetSim.Network.Radio;
using NetSim.Network.Tasks;

namespace NetSim.Network.Tests.World;

/// <summary>
/// The full world (Poisson tasks, one edge, an ideal link at 1 Pbit/s so uploads take about a
/// nanosecond) against queueing theory. Service times are work / rate: exponential sizes with
/// one operation per bit give M/M/.; a constant size gives M/D/1.
/// </summary>
public class QueueingTheoryTests
{
    private const double Mu = 1.0;

    private static WorldSpec Queue(double lambda, Func<Random, double> size, int cores, ulong seed) => new()
    {
        Seed = seed,
        Duration = 20_000,
        MaxTime = 1e6,
        Options = Specs.Options(),
        UeCount = 1,
        UePlacement = new Placement(PlacementKind.Points, default, 0, 0, 0, [new Point(10, 0)]),
        UeRate = _ => 1e6,
        UeTxPowerW = 0.1,
        Arrivals = ArrivalKind.Poisson,
        ArrivalInterval = 1 / lambda,
        Models = [PerBit],
        TaskTypes = [new TaskTypeSpec(0, "t", PerBit, 1, size, _ => double.PositiveInfinity, 1)],
        EdgeCount = 1,
        EdgePlacement = new Placement(PlacementKind.Points, default, 0, 0, 0, [new Point(0, 0)]),
        BandwidthHz = 1,
        EdgeRate = 1e6,
        EdgeCores = cores,
        Radio = new RadioSettings(ChannelKind.Ideal, 1e15, Specs.PathLoss, 1e-13, false, false, 0, 0),
        Preload = [PerBit],
    };

    private static readonly AigcModel PerBit = new(0, "q", 1, WorkKind.PerBit, 0, 0, 1, 0, 0);

    /// <summary>Mean wait in queue over replications, with the 95% half-width (Student t, 4 d.o.f.).</summary>
    private static (double Mean, double HalfWidth) MeanWait(double lambda, Func<Random, double> size, int cores)
    {
        var means = new List<double>();
        for (ulong r = 0; r < 5; r++)
        {
            var recorder = new ListRecorder(Recording.TraceLevel.Tasks);
            WorldBuilder.Build(Queue(lambda, size, cores, 100 + r), _ => new NearestPolicy(), recorder).Run();
            means.Add(recorder.Tasks.Average(t => t.ServiceStart - t.QueueEnter));
        }

        var mean = means.Average();
        var sd = Math.Sqrt(means.Sum(m => (m - mean) * (m - mean)) / (means.Count - 1));
        return (mean, 2.776 * sd / Math.Sqrt(means.Count));
    }

    // Tolerance: five replications of 20,000 s (about 16,000 tasks each at rho = 0.8); the
    // theory must lie within three 95% half-widths of the replication mean, and within 10%.
    private static void AssertNear(double theory, (double Mean, double HalfWidth) sim)
    {
        Assert.True(Math.Abs(sim.Mean - theory) < 3 * sim.HalfWidth, $"Wq {sim.Mean:F3} +- {sim.HalfWidth:F3} vs theory {theory:F3}");
        Assert.True(Math.Abs(sim.Mean - theory) < 0.1 * theory, $"Wq {sim.Mean:F3} vs theory {theory:F3} (10%)");
    }

    [Fact]
    public void Given_poisson_tasks_and_exponential_work_on_one_core_Then_wait_matches_mm1()
    {
        var lambda = 0.8;
        var rho = lambda / Mu;
        AssertNear(rho / (Mu - lambda), MeanWait(lambda, r => -1e6 * Math.Log(1 - r.NextDouble()), 1));
    }

    [Fact]
    public void Given_poisson_tasks_and_exponential_work_on_three_cores_Then_wait_matches_erlang_c()
    {
        var lambda = 2.4;
        var c = 3;
        var a = lambda / Mu;
        var rho = a / c;
        double sum = 0;
        double term = 1;
        for (var k = 0; k < c; k++)
        {
            sum += term;
            term *= a / (k + 1);
        }

        var top = term / (1 - rho);
        var erlangC = top / (sum + top);
        AssertNear(erlangC / ((c * Mu) - lambda), MeanWait(lambda, r => -1e6 * Math.Log(1 - r.NextDouble()), c));
    }

    [Fact]
    public void Given_poisson_tasks_and_constant_work_Then_wait_matches_pollaczek_khinchine()
    {
        var lambda = 0.8;
        var rho = lambda / Mu;
        AssertNear(rho / (2 * Mu * (1 - rho)), MeanWait(lambda, _ => 1e6, 1));
    }
}
