using NetSim.Network.Building;
using NetSim.Network.Geometry;
using NetSim.Network.Scheduling;
using NetSim.Network.Tasks;
using NetSim.Policies.Tests.Support;

namespace NetSim.Policies.Tests;

/// <summary>
/// <c>greedy</c> and <c>least-latency</c> in worlds small enough to work out by hand. Numbers in
/// the comments come from the 3GPP law of <see cref="Worlds"/>: a lone 1.2 Mbit upload takes
/// 6.12 ms from 100 m and 9.90 ms from 200 m; 200 MFLOP on a 15 GFLOPS edge takes 13.33 ms and
/// 50 MFLOP on the 300 MFLOPS device 166.7 ms.
/// </summary>
public class CraftedLatencyTests
{
    private const double Bits = 1.2e6;
    private const double EdgeCompute = 200e6 / Worlds.EdgeRate;
    private const double LocalCompute = 50e6 / Worlds.UeRate;
    private const double ProbeTime = 0.05;
    private const int Loaders = 10;

    /// <summary>
    /// Probe UE 0 at (100 m, 0) between edge 0 at the origin (100 m) and edge 1 at (300 m, 0)
    /// (200 m); loader UE 1, 10 m from edge 0, sends ten 1-bit tasks to edge 0 at t = 0 (2 GFLOP,
    /// 133.3 ms of work); the probe's 1.2 Mbit task arrives at t = 50 ms, when 83.3 ms of that
    /// backlog is left. No interference, so the loaders' uploads (nanoseconds) touch nothing else.
    /// </summary>
    private static (ProbePolicy Probe, ListRecorder Recorder) RunLoadedEdge(IPolicy underTest)
    {
        var model = Worlds.Model();
        var trace = Enumerable.Range(0, Loaders).Select(_ => new TraceArrival(0, 1, 0, 1)).Append(new TraceArrival(ProbeTime, 0, 0, Bits)).ToList();
        var spec = Worlds.Points([new Point(100, 0), new Point(0, 10)], [new Point(0, 0), new Point(300, 0)], trace, [model], [model]);
        var probe = new ProbePolicy(underTest, probeUe: 0, loaderEdge: 0);
        var recorder = new ListRecorder();
        WorldBuilder.Build(spec, _ => probe, recorder).Run();
        return (probe, recorder);
    }

    [Fact]
    public void Given_a_loaded_near_edge_and_an_idle_far_one_When_greedy_decides_Then_it_picks_the_near_edge_by_its_load_blind_estimate_and_waits_for_the_backlog()
    {
        // Greedy's estimates by hand: local 166.7 ms; edge 0 6.12 + 13.33 = 19.45 ms; edge 1 9.90 + 13.33 = 23.23 ms.
        var estimateEdge0 = (Bits / Worlds.RateAlone(100)) + EdgeCompute;
        var estimateEdge1 = (Bits / Worlds.RateAlone(200)) + EdgeCompute;
        Assert.True(estimateEdge0 < estimateEdge1 && estimateEdge1 < LocalCompute, "the crafted numbers put edge 0 first for greedy");

        var (probe, recorder) = RunLoadedEdge(new GreedyPolicy());

        var decision = Assert.Single(probe.ProbeDecisions);
        Assert.Equal(TargetKind.Edge, decision.Target);
        Assert.Equal(0, decision.Index);

        // It then waits for the loaders: the edge is free at 10 x 13.33 ms, the probe done 13.33 ms later.
        var task = recorder.Tasks.Single(t => t.Ue == 0);
        Assert.Equal(((Loaders + 1) * EdgeCompute) - ProbeTime, task.Latency, 1e-6);
    }

    [Fact]
    public void Given_a_loaded_near_edge_and_an_idle_far_one_When_least_latency_decides_Then_it_counts_the_backlog_and_picks_the_idle_edge()
    {
        // Least-latency by hand: edge 0 max(6.12, 83.33) + 13.33 = 96.67 ms; edge 1 9.90 + 13.33 = 23.23 ms; local 166.7 ms.
        var backlog = (Loaders * EdgeCompute) - ProbeTime;
        var estimateEdge0 = Math.Max(Bits / Worlds.RateAlone(100), backlog) + EdgeCompute;
        var estimateEdge1 = (Bits / Worlds.RateAlone(200)) + EdgeCompute;
        Assert.True(estimateEdge1 < estimateEdge0 && estimateEdge1 < LocalCompute, "the crafted numbers put edge 1 first for least-latency");

        var (probe, recorder) = RunLoadedEdge(new LeastLatencyPolicy());

        var decision = Assert.Single(probe.ProbeDecisions);
        Assert.Equal(TargetKind.Edge, decision.Target);
        Assert.Equal(1, decision.Index);
        var task = recorder.Tasks.Single(t => t.Ue == 0);
        Assert.Equal(estimateEdge1, task.Latency, 1e-9);
    }

    [Fact]
    public void Given_no_edge_holds_the_model_When_the_download_takes_8_s_Then_least_latency_runs_locally_while_greedy_offloads()
    {
        // The 1 GB model (8 Gbit) is cached nowhere; over the 1 Gbps backhaul a download takes 8 s,
        // so least-latency's edge estimate is 6.12 ms + 8 s + 13.33 ms against 166.7 ms locally.
        // Greedy does not know caches: 19.45 ms on edge 0.
        var model = Worlds.Model(sizeBits: 8e9);
        var spec = Worlds.Points([new Point(100, 0)], [new Point(0, 0)], [new TraceArrival(0, 0, 0, Bits)], [model], []);
        var edgeEstimate = (Bits / Worlds.RateAlone(100)) + (8e9 / 1e9) + EdgeCompute;
        Assert.True(LocalCompute < edgeEstimate);

        var least = new ProbePolicy(new LeastLatencyPolicy(), 0, 0);
        WorldBuilder.Build(spec, _ => least, new ListRecorder()).Run();
        var greedy = new ProbePolicy(new GreedyPolicy(), 0, 0);
        var greedyRun = WorldBuilder.Build(spec, _ => greedy, new ListRecorder());
        greedyRun.Run();

        Assert.Equal(TargetKind.Local, Assert.Single(least.ProbeDecisions).Target);
        Assert.Equal(TargetKind.Edge, Assert.Single(greedy.ProbeDecisions).Target);
        Assert.Equal(1, greedyRun.World.Downloads);
    }

    [Fact]
    public void Given_two_tasks_in_one_slot_When_least_latency_decides_them_together_Then_the_second_counts_the_first_and_goes_elsewhere()
    {
        // Two UEs at (100 m, 0), 100 m from edge 0 and 200 m from edge 1, each with a task in the
        // same slot. The first takes edge 0 (19.45 ms). For the second, edge 0 now means half the
        // band (1.2 Mbit at 0.5 B log2(1 + 2 SNR) = 108 Mbps: 11.1 ms) behind the first's 13.33 ms
        // of work, so 13.33 + 13.33 = 26.67 ms, more than edge 1 alone (9.90 + 13.33 = 23.23 ms).
        // Greedy, blind to the first decision, sends both to edge 0.
        var model = Worlds.Model();
        var ues = new[] { new Point(100, 0), new Point(100, 0) };
        var stations = new[] { new Point(0, 0), new Point(300, 0) };
        var trace = new List<TraceArrival> { new(0, 0, 0, Bits), new(0, 1, 0, Bits) };
        var spec = Worlds.Points(ues, stations, trace, [model], [model]);
        spec = spec with { Options = spec.Options with { Epoch = EpochKind.Slot, Slot = 1 } };
        var secondOnEdge0 = Math.Max(Bits / (0.5 * Worlds.Bandwidth * Math.Log2(1 + (2 * Worlds.TxPowerW * Worlds.Gain(100) / Worlds.NoiseW))), EdgeCompute) + EdgeCompute;
        var secondOnEdge1 = (Bits / Worlds.RateAlone(200)) + EdgeCompute;
        Assert.True(secondOnEdge1 < secondOnEdge0);

        var least = new RecordingPolicy(new LeastLatencyPolicy());
        WorldBuilder.Build(spec, _ => least, new ListRecorder()).Run();
        var greedy = new RecordingPolicy(new GreedyPolicy());
        WorldBuilder.Build(spec, _ => greedy, new ListRecorder()).Run();

        Assert.Equal([0, 1], least.Decisions.Select(d => d.Index));
        Assert.Equal([0, 0], greedy.Decisions.Select(d => d.Index));
        Assert.Single(least.Epochs);
    }

    [Fact]
    public void Given_a_loaded_edge_and_an_idle_cloud_When_least_latency_decides_Then_it_takes_the_cloud_route()
    {
        // As the loaded-edge world, with a 100 GFLOPS cloud behind a 1 Gbps backhaul (no delay):
        // cloud = 6.12 ms upload to edge 0 + 1.2 ms on the backhaul + 2 ms of compute = 9.32 ms,
        // against 96.67 ms on edge 0, 23.23 ms on edge 1 and 166.7 ms locally.
        var model = Worlds.Model();
        var trace = Enumerable.Range(0, Loaders).Select(_ => new TraceArrival(0, 1, 0, 1)).Append(new TraceArrival(ProbeTime, 0, 0, Bits)).ToList();
        var spec = Worlds.Points([new Point(100, 0), new Point(0, 10)], [new Point(0, 0), new Point(300, 0)], trace, [model], [model]) with
        {
            Cloud = true,
            CloudRate = 100e9,
            CloudCores = 1,
        };
        var cloud = (Bits / Worlds.RateAlone(100)) + (Bits / 1e9) + (200e6 / 100e9);
        var probe = new ProbePolicy(new LeastLatencyPolicy(), probeUe: 0, loaderEdge: 0);
        var recorder = new ListRecorder();

        WorldBuilder.Build(spec, _ => probe, recorder).Run();

        Assert.Equal(TargetKind.Cloud, Assert.Single(probe.ProbeDecisions).Target);
        Assert.Equal(cloud, recorder.Tasks.Single(t => t.Ue == 0).Latency, 1e-9);
    }

    [Fact]
    public void Given_partial_offloading_and_an_idle_edge_When_least_latency_decides_Then_it_splits_at_the_best_tenth()
    {
        // A share r on edge 0 ends at r (6.12 + 13.33) ms = r 19.45 ms, the rest on the device at
        // (1 - r) 166.7 ms. Over the tenths: r = 0.9 gives max(16.67, 17.50) = 17.50 ms, the least
        // (r = 1 gives 19.45 ms, r = 0.8 gives 33.33 ms).
        var model = Worlds.Model();
        var spec = Worlds.Points([new Point(100, 0)], [new Point(0, 0)], [new TraceArrival(0, 0, 0, Bits)], [model], [model]);
        spec = spec with { Options = spec.Options with { PartialOffloading = true } };
        var recorder = new ListRecorder();
        var policy = new RecordingPolicy(new LeastLatencyPolicy());

        WorldBuilder.Build(spec, _ => policy, recorder).Run();

        var decision = Assert.Single(policy.Decisions);
        Assert.Equal(TargetKind.Edge, decision.Target);
        Assert.Equal(0.9, decision.OffloadRatio, 1e-12);
        var expected = Math.Max(0.1 * LocalCompute, 0.9 * ((Bits / Worlds.RateAlone(100)) + EdgeCompute));
        Assert.Equal(expected, Assert.Single(recorder.Tasks).Latency, 1e-9);
    }
}
