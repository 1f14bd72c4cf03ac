using NetSim.Network.Building;
using NetSim.Network.Geometry;
using NetSim.Network.Policies;
using NetSim.Network.Recording;
using NetSim.Network.Scheduling;
using NetSim.Network.Tasks;

namespace NetSim.Network.Tests.World;

public class InvariantTests
{
    private static readonly AigcModel Model = Specs.FixedModel(serverOps: 1.2e9, deviceOps: 50e6);

    private static WorldSpec Busy(int ues, bool drop, ulong seed = 3) => new()
    {
        Seed = seed,
        Duration = 20,
        Drain = !drop,
        Options = Specs.Options(drop: drop),
        UeCount = ues,
        UePlacement = new Placement(PlacementKind.Disk, default, 500, 0, 0, []),
        UeRate = _ => 300e6,
        UeTxPowerW = 0.1,
        Arrivals = ArrivalKind.Poisson,
        ArrivalInterval = 0.5,
        Models = [Model],
        TaskTypes = [new TaskTypeSpec(0, "t", Model, 1, r => 8e5 + (8e5 * r.NextDouble()), _ => 0.5, 20)],
        EdgeCount = 2,
        EdgePlacement = new Placement(PlacementKind.Grid, default, 0, 1000, 1000, []),
        BandwidthHz = 20e6,
        EdgeRate = 15e9,
        Radio = Specs.Shannon(),
        Preload = [Model],
    };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Given_a_busy_world_Then_created_equals_completed_plus_dropped_plus_unfinished(bool drop)
    {
        var recorder = new ListRecorder();
        var run = WorldBuilder.Build(Busy(12, drop), _ => new NearestPolicy(), recorder);

        run.Run();

        var w = run.World;
        Assert.Equal(w.Created, recorder.Tasks.Count);
        Assert.Equal(w.Created, recorder.Tasks.Select(t => t.TaskId).Distinct().Count());
        Assert.Equal(w.CompletedCount, recorder.Tasks.Count(t => t.Status == TaskOutcome.Completed));
        Assert.Equal(w.Dropped, recorder.Tasks.Count(t => t.Status == TaskOutcome.Dropped));
        Assert.True(w.Created > 300, $"only {w.Created} tasks");
        if (drop)
        {
            Assert.True(w.Dropped > 0, "the crafted load should drop some tasks at their 0.5 s deadline");
            Assert.All(recorder.Tasks.Where(t => t.Status == TaskOutcome.Completed), t => Assert.True(t.MetDeadline));
        }
        else
        {
            Assert.Equal(w.Created, w.CompletedCount);
        }
    }

    [Fact]
    public void Given_an_edge_queue_Then_littles_law_holds_on_the_sample_path()
    {
        var recorder = new ListRecorder();
        var run = WorldBuilder.Build(Busy(12, drop: false), _ => new NearestPolicy(), recorder);

        run.Run();

        foreach (var node in new[] { "edge:0", "edge:1" })
        {
            // Integral of the queue length over time equals the sum of the times tasks spent there
            // (the queue starts and ends empty), exactly up to rounding.
            var samples = recorder.Samples.Where(s => s.Node == node).ToList();
            double area = 0;
            for (var i = 1; i < samples.Count; i++)
            {
                area += samples[i - 1].Length * (samples[i].Time - samples[i - 1].Time);
            }

            var sojourn = recorder.Tasks.Where(t => t.Target == node).Sum(t => t.ServiceEnd - t.QueueEnter);
            Assert.True(samples.Count > 10);
            Assert.Equal(0, samples[^1].Length);
            Assert.Equal(sojourn, area, 1e-9 * sojourn);
        }
    }

    [Fact]
    public void Given_the_same_seed_Then_the_task_table_is_identical_and_another_seed_differs()
    {
        List<TaskRecord> RunOnce(ulong seed)
        {
            var recorder = new ListRecorder(TraceLevel.Tasks);
            WorldBuilder.Build(Busy(8, false, seed), _ => new NearestPolicy(), recorder).Run();
            return recorder.Tasks;
        }

        Assert.Equal(RunOnce(11), RunOnce(11));
        Assert.NotEqual(RunOnce(11).Select(t => t.Created), RunOnce(12).Select(t => t.Created));
    }

    [Fact]
    public void Given_one_more_ue_Then_the_other_ues_arrival_times_and_positions_are_unchanged()
    {
        List<TaskRecord> RunWith(int ues)
        {
            var recorder = new ListRecorder(TraceLevel.Tasks);
            WorldBuilder.Build(Busy(ues, false), _ => new LocalPolicy(), recorder).Run();
            return recorder.Tasks;
        }

        var small = RunWith(5);
        var large = RunWith(6);
        for (var ue = 0; ue < 5; ue++)
        {
            Assert.Equal(
                small.Where(t => t.Ue == ue).Select(t => (t.Created, t.SizeBits)),
                large.Where(t => t.Ue == ue).Select(t => (t.Created, t.SizeBits)));
        }
    }

    [Fact]
    public void Given_a_policy_that_names_a_missing_edge_Then_the_run_fails_with_a_message_naming_it()
    {
        var run = WorldBuilder.Build(Busy(2, false), _ => new FixedTargetPolicy(5), new ListRecorder());

        var error = Assert.Throws<PolicyException>(() => run.Run());

        Assert.Contains("edge 5 does not exist", error.Message, StringComparison.Ordinal);
    }

    private sealed class FixedTargetPolicy(int edge) : IPolicy
    {
        public string Name => "fixed";

        public IReadOnlyList<Assignment> Decide(Observation observation, IReadOnlyList<TaskView> batch) =>
            batch.Select(t => Assignment.Edge(t.Id, edge)).ToArray();
    }
}
