using NetSim.Kernel;
using NetSim.Network.Building;
using NetSim.Network.Geometry;
using NetSim.Network.Policies;
using NetSim.Network.Radio;
using NetSim.Network.Recording;
using NetSim.Network.Tasks;

namespace NetSim.Network.Tests.World;

/// <summary>
/// Rayleigh block boundaries: block k is [k L, (k + 1) L) for every block length L, runs with fading
/// end, and an upload that spans boundaries sends exactly the integral of its rate over the blocks.
/// The rate of a block is read independently from a probe: a lone upload started in the middle of
/// that block on a fresh channel with the same fading seed.
/// </summary>
public class FadingBlockBoundaryTests
{
    private const ulong FadingSeed = 11;
    private static readonly AigcModel Model = Specs.FixedModel(serverOps: 1);

    [Fact]
    public void Given_a_10ms_block_When_an_upload_spans_the_boundary_at_290ms_Then_it_ends_where_the_two_rates_put_it()
    {
        // 0.29 / 0.01 is 28.999... in floating point: the boundary that made the simulator spin.
        const double block = 0.01;
        var r28 = RateInBlock(block, 28);
        var r29 = RateInBlock(block, 29);
        Assert.NotEqual(r28, r29);

        // From 0.285 s: 5 ms at r28 to the boundary, then 4 ms at r29.
        var bits = (r28 * 0.005) + (r29 * 0.004);
        var (end, _) = Upload(block, 0.285, bits);

        Assert.Equal(0.294, end, 1e-12);
    }

    [Fact]
    public void Given_random_block_lengths_and_starts_When_an_upload_spans_several_blocks_Then_its_bits_equal_the_integral_of_its_rate()
    {
        var random = new Random(20240611);
        for (var i = 0; i < 150; i++)
        {
            // L log-uniform in [1 ms, 1 s]; the start on a boundary one time in four; 1 to 4 boundaries crossed.
            var block = Math.Exp(Math.Log(1e-3) + (random.NextDouble() * Math.Log(1000)));
            var first = random.NextInt64(0, 3000);
            var start = (first + (i % 4 == 0 ? 0 : random.NextDouble())) * block;
            var last = first + 1 + random.Next(4);
            var target = (last + random.NextDouble()) * block;

            // Bits for the upload to end at target: the rate of each block times the time spent in it.
            var bits = 0.0;
            for (var k = first; k <= last; k++)
            {
                var from = Math.Max(start, k * block);
                var to = Math.Min(target, (k + 1) * block);
                bits += RateInBlock(block, k) * (to - from);
            }

            var (end, events) = Upload(block, start, bits);

            var what = $"case {i}: block {block:R} s, start {start:R} s, {last - first} boundaries";
            Assert.True(Math.Abs(end - target) <= 1e-9 * block, $"{what}: ended at {end:R}, expected {target:R}");

            // The start, a block timer per boundary, a wake-up per rate change: no spinning in place.
            Assert.True(events <= 3 + (3 * (last - first + 1)), $"{what}: {events} events");
        }
    }

    [Theory]
    [InlineData(0.001)]
    [InlineData(0.005)]
    [InlineData(0.007)]
    [InlineData(0.01)]
    [InlineData(0.1)]
    [InlineData(0.29)]
    [InlineData(1.0)]
    public void Given_Rayleigh_fading_of_any_block_length_When_uploads_run_for_a_while_Then_the_run_ends_with_every_task_done(double block)
    {
        // Four UEs at different distances from two stations, an upload every 7 ms for 1.5 s:
        // uploads overlap, start and end everywhere in the blocks and cross many boundaries.
        var ues = new[] { new Point(80, 0), new Point(250, 40), new Point(600, -30), new Point(900, 10) };
        var stations = new[] { new Point(0, 0), new Point(1000, 0) };
        var trace = Enumerable.Range(0, 215).Select(i => new TraceArrival(i * 0.007, i % 4, 0, 2e5 + (1e4 * (i % 13)))).ToArray();
        var spec = Specs.Points(ues, stations, trace, [Model], [Specs.Type(Model, 1)]) with
        {
            Radio = Specs.Shannon() with { RayleighBlock = block },
            Duration = 1.5,
        };
        var recorder = new ListRecorder();
        var run = WorldBuilder.Build(spec, _ => new NearestPolicy(), recorder);
        run.World.Simulation.StallLimit = 100_000;

        Assert.True(run.Run());

        Assert.Equal(trace.Length, recorder.Tasks.Count);
        Assert.All(recorder.Tasks, t => Assert.Equal(TaskOutcome.Completed, t.Status));
        var blocks = run.World.Simulation.Now / block;
        Assert.True(run.World.Simulation.ProcessedEvents <= (30 * trace.Length) + (2 * blocks), $"{run.World.Simulation.ProcessedEvents} events");
    }

    /// <summary>The rate of the lone UE in block <paramref name="k"/>: a probe started mid-block on a fresh channel.</summary>
    private static double RateInBlock(double block, long k)
    {
        var sim = new Simulation();
        var channel = Channel(sim, block);
        sim.Run((k + 0.5) * block);
        var probe = NewUpload(1, _ => { });
        channel.Start(probe);
        return channel.CurrentRate(probe);
    }

    /// <summary>Runs one upload of <paramref name="bits"/> from <paramref name="start"/>; its end and the events processed.</summary>
    private static (double End, long Events) Upload(double block, double start, double bits)
    {
        var sim = new Simulation { StallLimit = 10_000 };
        var channel = Channel(sim, block);
        var end = double.NaN;
        var upload = NewUpload(bits, _ => end = sim.Now);
        sim.After(start, () => channel.Start(upload));
        sim.Run();
        return (end, sim.ProcessedEvents);
    }

    /// <summary>One UE 100 m from one station, no interference, Rayleigh blocks of <paramref name="block"/> seconds.</summary>
    private static UplinkChannel Channel(Simulation sim, double block) =>
        new(sim, Specs.Shannon(interference: false) with { RayleighBlock = block }, [Specs.TxPowerW], [Specs.Bandwidth], new GainTable([Specs.Gain(100)], 1), FadingSeed);

    private static Upload NewUpload(double bits, Action<Upload> onDone) =>
        new(new SimTask(0, 0, 0, Model, bits, 0, double.PositiveInfinity, 1), 0, 0, bits, double.NaN, onDone);
}
