using NetSim.Network.Building;
using NetSim.Network.Compute;
using NetSim.Network.Geometry;
using NetSim.Network.Policies;
using NetSim.Network.Tasks;

namespace NetSim.Network.Tests.World;

public class ModelCacheTests
{
    private static readonly AigcModel[] Models =
    [
        Specs.FixedModel(0, "A", 1e9, serverOps: 1e6),
        Specs.FixedModel(1, "B", 1e9, serverOps: 1e6),
        Specs.FixedModel(2, "C", 1e9, serverOps: 1e6),
    ];

    private static TaskTypeSpec[] Types => [Specs.Type(Models[0], 1e3, 0), Specs.Type(Models[1], 1e3, 1), Specs.Type(Models[2], 1e3, 2)];

    [Fact]
    public void Given_a_two_model_cache_When_tasks_ask_for_A_A_B_C_A_Then_downloads_and_lru_evictions_follow_by_hand()
    {
        var trace = new[] { (0.0, 0), (10.0, 0), (20.0, 1), (30.0, 2), (40.0, 0) }
            .Select(x => new TraceArrival(x.Item1, 0, x.Item2, double.NaN)).ToArray();
        var spec = Specs.Points([new Point(100, 0)], [new Point(0, 0)], trace, Models, Types) with
        {
            Preload = [],
            CacheBits = 2e9,
            BackhaulRate = 1e9,
            BackhaulDelay = 0.002,
        };
        var recorder = new ListRecorder();

        WorldBuilder.Build(spec, _ => new NearestPolicy(), recorder).Run();

        Assert.Equal(["A", "B", "C", "A"], recorder.Downloads.Select(d => d.Model));
        Assert.Equal([null, null, "A", "B"], recorder.Downloads.Select(d => d.Evicted));
        var first = recorder.Downloads[0];
        Assert.Equal(1.0 + 0.002, first.End - first.Requested, 1e-12);
        Assert.Equal(1.002, recorder.Task(0).ModelWait, 1e-12);
        Assert.Equal(0, recorder.Task(1).ModelWait);
    }

    [Fact]
    public void Given_a_switch_time_and_A_B_C_preloaded_When_tasks_ask_for_A_A_B_Then_only_the_change_to_B_is_charged()
    {
        // One core; the preload A, B, C leaves A loaded on it at t = 0, so the first two tasks run
        // A with no switch and the third pays 0.5 s to change to B.
        var trace = new[] { (0.0, 0), (10.0, 0), (20.0, 1) }
            .Select(x => new TraceArrival(x.Item1, 0, x.Item2, double.NaN)).ToArray();
        var spec = Specs.Points([new Point(100, 0)], [new Point(0, 0)], trace, Models, Types) with { SwitchTime = 0.5 };
        var recorder = new ListRecorder();

        WorldBuilder.Build(spec, _ => new NearestPolicy(), recorder).Run();

        Assert.Equal(0.0, recorder.Task(0).ModelWait, 1e-12);
        Assert.Equal(0.0, recorder.Task(1).ModelWait, 1e-12);
        Assert.Equal(0.5, recorder.Task(2).ModelWait, 1e-12);
        var compute = 1e6 / 15e9;
        var t0 = recorder.Task(0);
        var t2 = recorder.Task(2);
        Assert.Equal(compute, t0.Completed - t0.UploadEnd, 1e-12);
        Assert.Equal(0.5 + compute, t2.Completed - t2.UploadEnd, 1e-12);
    }

    [Fact]
    public void Given_two_cores_and_A_B_preloaded_When_A_then_B_arrive_together_Then_each_core_runs_the_model_it_holds_without_a_switch()
    {
        // Core 0 holds A and core 1 holds B at t = 0; each task takes 1 s, so B starts on core 1
        // while A is still on core 0.
        var models = new[] { Specs.FixedModel(0, "A", 1e9, serverOps: 15e9), Specs.FixedModel(1, "B", 1e9, serverOps: 15e9) };
        var trace = new[] { new TraceArrival(0, 0, 0, double.NaN), new TraceArrival(0.001, 0, 1, double.NaN) };
        var spec = Specs.Points([new Point(100, 0)], [new Point(0, 0)], trace, models, [Specs.Type(models[0], 1e3, 0), Specs.Type(models[1], 1e3, 1)]) with
        {
            SwitchTime = 0.5,
            EdgeCores = 2,
        };
        var recorder = new ListRecorder();

        WorldBuilder.Build(spec, _ => new NearestPolicy(), recorder).Run();

        Assert.Equal(0.0, recorder.Task(0).ModelWait, 1e-12);
        Assert.Equal(0.0, recorder.Task(1).ModelWait, 1e-12);
        Assert.Equal(1.0, recorder.Task(1).ServiceEnd - recorder.Task(1).ServiceStart, 1e-9);
    }

    [Fact]
    public void Given_processor_sharing_and_A_B_preloaded_When_A_then_B_arrive_Then_A_runs_without_a_switch_and_B_pays_one()
    {
        var trace = new[] { (0.0, 0), (10.0, 1) }
            .Select(x => new TraceArrival(x.Item1, 0, x.Item2, double.NaN)).ToArray();
        var spec = Specs.Points([new Point(100, 0)], [new Point(0, 0)], trace, Models, Types) with
        {
            SwitchTime = 0.5,
            Preload = [Models[0], Models[1]],
            EdgeDiscipline = Discipline.ProcessorSharing,
        };
        var recorder = new ListRecorder();

        WorldBuilder.Build(spec, _ => new NearestPolicy(), recorder).Run();

        var compute = 1e6 / 15e9;
        Assert.Equal(0.0, recorder.Task(0).ModelWait, 1e-12);
        Assert.Equal(compute, recorder.Task(0).ServiceEnd - recorder.Task(0).QueueEnter, 1e-9);
        Assert.Equal(0.5, recorder.Task(1).ModelWait, 1e-12);
        Assert.Equal(0.5 + compute, recorder.Task(1).ServiceEnd - recorder.Task(1).QueueEnter, 1e-9);
    }

    [Fact]
    public void Given_nothing_preloaded_When_the_first_task_downloads_its_model_Then_loading_it_on_the_core_is_charged_the_switch()
    {
        // Download: 1 Gbit at 1 Gbps plus 2 ms, then the core, holding nothing, loads A (0.5 s).
        var spec = Specs.Points([new Point(100, 0)], [new Point(0, 0)], [new TraceArrival(0, 0, 0, double.NaN)], Models, Types) with
        {
            SwitchTime = 0.5,
            Preload = [],
            BackhaulRate = 1e9,
            BackhaulDelay = 0.002,
        };
        var recorder = new ListRecorder();

        WorldBuilder.Build(spec, _ => new NearestPolicy(), recorder).Run();

        Assert.Equal(1.002 + 0.5, recorder.Task(0).ModelWait, 1e-12);
    }
}
