using NetSim.Network.Building;
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
    public void Given_a_switch_time_When_a_core_changes_model_Then_the_switch_is_charged_and_not_otherwise()
    {
        var trace = new[] { (0.0, 0), (10.0, 0), (20.0, 1) }
            .Select(x => new TraceArrival(x.Item1, 0, x.Item2, double.NaN)).ToArray();
        var spec = Specs.Points([new Point(100, 0)], [new Point(0, 0)], trace, Models, Types) with { SwitchTime = 0.5 };
        var recorder = new ListRecorder();

        WorldBuilder.Build(spec, _ => new NearestPolicy(), recorder).Run();

        Assert.Equal(0.5, recorder.Task(0).ModelWait, 1e-12);
        Assert.Equal(0.0, recorder.Task(1).ModelWait, 1e-12);
        Assert.Equal(0.5, recorder.Task(2).ModelWait, 1e-12);
        var compute = 1e6 / 15e9;
        var t1 = recorder.Task(1);
        var t2 = recorder.Task(2);
        Assert.Equal(compute, t1.Completed - t1.UploadEnd, 1e-12);
        Assert.Equal(0.5 + compute, t2.Completed - t2.UploadEnd, 1e-12);
    }
}
