using NetSim.Network.Building;
using NetSim.Network.Geometry;
using NetSim.Network.Policies;
using NetSim.Network.Scheduling;
using NetSim.Network.Tasks;

namespace NetSim.Network.Tests.World;

public class DeferredPolicyTests
{
    private static readonly AigcModel Model = Specs.FixedModel(serverOps: 1.2e9, deviceOps: 50e6);

    private static WorldSpec Busy(EpochKind epoch) => new()
    {
        Seed = 5,
        Duration = 10,
        Options = Specs.Options(epoch: epoch),
        UeCount = 6,
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
    [InlineData(EpochKind.Arrival)]
    [InlineData(EpochKind.Slot)]
    public void Given_a_deferred_policy_When_the_run_is_stepped_and_each_epoch_resolved_with_nearest_Then_every_task_record_equals_the_synchronous_run(EpochKind epoch)
    {
        var synchronous = new ListRecorder();
        WorldBuilder.Build(Busy(epoch), _ => new NearestPolicy(), synchronous).Run();

        var stepped = new ListRecorder();
        var deferred = new DeferredPolicy("nearest");
        var run = WorldBuilder.Build(Busy(epoch), _ => deferred, stepped);
        var nearest = new NearestPolicy();
        var sim = run.World.Simulation;
        run.Start();
        var epochs = 0;
        while (!(sim.Now >= run.Spec.Duration && run.World.Alive == 0) && sim.Peek() < run.End)
        {
            sim.Step();
            if (deferred.Pending is { } batch)
            {
                epochs++;
                deferred.Resolve(nearest.Decide(run.World.Observation, batch));
            }
        }

        run.World.FinishRun();
        Assert.True(epochs > 10);
        Assert.Equal(synchronous.Tasks, stepped.Tasks);
    }

    [Fact]
    public void Given_no_pending_epoch_When_resolved_Then_it_says_so()
    {
        var deferred = new DeferredPolicy("agent");
        var error = Assert.Throws<InvalidOperationException>(() => deferred.Resolve([]));
        Assert.Contains("no decision epoch is pending", error.Message, StringComparison.Ordinal);
    }
}
