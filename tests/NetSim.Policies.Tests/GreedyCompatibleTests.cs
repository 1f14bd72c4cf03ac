using NetSim.Network.Building;
using NetSim.Network.Geometry;
using NetSim.Network.Tasks;
using NetSim.Policies.Tests.Support;

namespace NetSim.Policies.Tests;

public class GreedyCompatibleTests
{
    [Fact]
    public void Given_edges_holding_different_models_When_greedy_compatible_decides_Then_each_task_goes_to_the_nearest_holder_or_stays_local()
    {
        // Probe UE at (100 m, 0): edge 0 at 100 m, edge 1 at 200 m, edge 2 at 500 m. Model a is
        // preloaded everywhere; model b reaches edge 1 only, fetched for a loader task at t = 0
        // (8 Mbit over 1 Gbps: 8 ms); model c is nowhere. At t = 1 s the probe's a-task must go to
        // edge 0 (nearest of three holders), its b-task to edge 1 (edge 0 lacks b), its c-task stay local.
        var a = Worlds.Model(0, "a", 8e6);
        var b = Worlds.Model(1, "b", 8e6);
        var c = Worlds.Model(2, "c", 8e6);
        var trace = new List<TraceArrival>
        {
            new(0, 1, 1, 1e3),
            new(1.0, 0, 0, 1.2e6),
            new(1.1, 0, 1, 1.2e6),
            new(1.2, 0, 2, 1.2e6),
        };
        var spec = Worlds.Points([new Point(100, 0), new Point(300, 10)], [new Point(0, 0), new Point(300, 0), new Point(-400, 0)], trace, [a, b, c], [a]);
        var probe = new ProbePolicy(new GreedyCompatiblePolicy(), probeUe: 0, loaderEdge: 1);

        var run = WorldBuilder.Build(spec, _ => probe, new ListRecorder());
        run.Run();

        var d = probe.ProbeDecisions;
        Assert.Equal(3, d.Count);
        Assert.Equal((TargetKind.Edge, 0), (d[0].Target, d[0].Index));
        Assert.Equal((TargetKind.Edge, 1), (d[1].Target, d[1].Index));
        Assert.Equal(TargetKind.Local, d[2].Target);
        Assert.All(d.Where(x => x.Target == TargetKind.Edge), x => Assert.False(x.Download));
        Assert.Equal(1, run.World.Downloads);
    }

    [Fact]
    public void Given_no_edge_holds_the_model_When_greedy_compatible_decides_Then_the_task_runs_wholly_on_the_device()
    {
        var model = Worlds.Model();
        var spec = Worlds.Points([new Point(100, 0)], [new Point(0, 0)], [new TraceArrival(0, 0, 0, 1.2e6)], [model], []);
        var recorder = new ListRecorder();

        var run = WorldBuilder.Build(spec, _ => new GreedyCompatiblePolicy(), recorder);
        run.Run();

        var task = Assert.Single(recorder.Tasks);
        Assert.Equal("local", task.Target);
        Assert.Equal(0, task.OffloadRatio);
        Assert.Equal(50e6 / Worlds.UeRate, task.Latency, 1e-12);
        Assert.Equal(0, run.World.Downloads);
    }
}
