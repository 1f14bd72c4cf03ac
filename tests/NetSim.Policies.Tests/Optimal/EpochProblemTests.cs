using NetSim.Network.Geometry;
using NetSim.Network.Policies;
using NetSim.Network.Scheduling;
using NetSim.Network.Tasks;
using NetSim.Policies.Optimal;
using NetSim.Policies.Tests.Support;

namespace NetSim.Policies.Tests.Optimal;

public class EpochProblemTests
{
    // Three tasks, two servers; latencies worked out on paper from size k / rate + work k / capacity.
    private static EpochProblem ThreeTasks(double[]? timeLeft = null, EpochSettings? settings = null) => EpochProblemFactory.FromRates(
        localLatency: [0.1, 0.2, 0.3],
        sizeBits: [1e6, 2e6, 1e6],
        fullBandRate: new double[,] { { 1e7, 2e7 }, { 1e7, 1e7 }, { 4e7, 1e7 } },
        edgeWork: new double[,] { { 1e8, 1e8 }, { 2e8, 2e8 }, { 1e8, 1e8 } },
        capacity: [1e9, 2e9],
        timeLeft,
        settings);

    [Fact]
    public void Given_two_tasks_sharing_a_server_When_evaluated_Then_each_gets_half_the_band_and_half_the_compute()
    {
        var problem = ThreeTasks();

        // Server 0 holds tasks 0 and 1 (k = 2): 1e6 * 2 / 1e7 + 1e8 * 2 / 1e9 = 0.4 s and
        // 2e6 * 2 / 1e7 + 2e8 * 2 / 1e9 = 0.8 s; task 2 alone on server 1: 1e6 / 1e7 + 1e8 / 2e9 = 0.15 s.
        Assert.Equal((0.4 + 0.8 + 0.15) / 3, problem.Evaluate([0, 0, 1]), 12);
        Assert.Equal(0.8, problem.EdgeLatency(1, 0, 2), 12);
    }

    [Fact]
    public void Given_a_mix_of_local_and_edge_tasks_When_evaluated_Then_local_tasks_take_their_local_latency()
    {
        var problem = ThreeTasks();

        // Task 1 alone on server 1: 2e6 / 1e7 + 2e8 / 2e9 = 0.3 s; tasks 0 and 2 local: 0.1 s and 0.3 s.
        Assert.Equal((0.1 + 0.3 + 0.3) / 3, problem.Evaluate([EpochProblem.Local, 1, EpochProblem.Local]), 12);
        Assert.Equal((0.1 + 0.2 + 0.3) / 3, problem.Evaluate([EpochProblem.Local, EpochProblem.Local, EpochProblem.Local]), 12);
    }

    [Fact]
    public void Given_a_deadline_missed_When_the_bound_is_a_penalty_or_hard_Then_the_penalty_is_added_or_the_assignment_is_infeasible()
    {
        double[] timeLeft = [0.5, 0.5, 0.5];
        var none = ThreeTasks(timeLeft);
        var penalty = ThreeTasks(timeLeft, new EpochSettings(DeadlineMode.Penalty, 2.0));
        var hard = ThreeTasks(timeLeft, new EpochSettings(DeadlineMode.Hard));
        int[] assignment = [0, 0, 1];

        // Only task 1 (0.8 s) misses its 0.5 s.
        Assert.Equal((0.4 + 0.8 + 0.15) / 3, none.Evaluate(assignment), 12);
        Assert.Equal((0.4 + 0.8 + 2.0 + 0.15) / 3, penalty.Evaluate(assignment), 12);
        Assert.Equal((0.4 + 0.8 + 0.15) / 3, penalty.MeanLatency(assignment), 12);
        Assert.True(double.IsPositiveInfinity(hard.Evaluate(assignment)));
        Assert.Equal((0.1 + 0.3 + 0.3) / 3, hard.Evaluate([EpochProblem.Local, 1, EpochProblem.Local]), 12);
    }

    [Fact]
    public void Given_an_entry_that_is_no_target_When_evaluated_Then_it_is_refused()
    {
        var problem = ThreeTasks();

        Assert.Throws<ArgumentException>(() => problem.Evaluate([0, 2, 1]));
        Assert.Throws<ArgumentException>(() => problem.Evaluate([0, 1]));
    }

    [Fact]
    public void Given_a_world_epoch_When_the_problem_is_built_from_its_observation_Then_latencies_follow_the_shannon_rate_on_an_equal_share()
    {
        // Two UEs 100 m and 300 m from station 0 (station 1 at 2 km), one task each at t = 0, decided
        // together at the slot boundary. No upload is active then, so the SINR is the SNR.
        var spec = ZhouWorlds.Points(
            [new Point(100, 0), new Point(-300, 0)],
            [new Point(0, 0), new Point(2000, 0)],
            [new TraceArrival(0, 0, 0, double.NaN), new TraceArrival(0, 1, 0, double.NaN)],
            slot: 1,
            sizeBits: 1.2e6);
        EpochProblem? problem = null;
        var run = Network.Building.WorldBuilder.Build(
            spec,
            _ => new EpochProbe(new LocalPolicy(), (o, b) => problem ??= EpochProblemFactory.FromObservation(o, b, EpochSettings.Default)),
            new ListRecorder());
        run.Run();

        Assert.NotNull(problem);
        var snr0 = Worlds.TxPowerW * Worlds.Gain(100) / Worlds.NoiseW;
        var snr1 = Worlds.TxPowerW * Worlds.Gain(300) / Worlds.NoiseW;
        var compute = 200e6 / 15e9;

        // Both on station 0: each gets half the band, with its power on that half (noise halves too).
        var both0 = 1.2e6 / (Worlds.Bandwidth / 2 * Math.Log2(1 + (2 * snr0))) + (2 * compute);
        var both1 = 1.2e6 / (Worlds.Bandwidth / 2 * Math.Log2(1 + (2 * snr1))) + (2 * compute);
        Assert.Equal((both0 + both1) / 2, problem.Evaluate([0, 0]), 12);

        // Task 0 local (50 MFLOP at 300 MFLOPS), task 1 alone on station 0.
        var alone1 = (1.2e6 / (Worlds.Bandwidth * Math.Log2(1 + snr1))) + compute;
        Assert.Equal(((50e6 / 300e6) + alone1) / 2, problem.Evaluate([EpochProblem.Local, 0]), 12);
        Assert.Equal(2, problem.TaskCount);
        Assert.Equal(2, problem.EdgeCount);
    }

    [Fact]
    public void Given_a_batch_whose_latency_table_exceeds_the_limit_When_built_Then_it_is_refused_before_filling_it()
    {
        const int tasks = 2600; // 2600^2 * 5 = 33.8 million entries, above 2^25 = 33.6 million
        var error = Assert.Throws<ArgumentException>(() => EpochProblemFactory.FromRates(
            new double[tasks], new double[tasks], new double[tasks, 5], new double[tasks, 5], new double[5]));

        Assert.Contains("split the batch", error.Message);
    }
}
