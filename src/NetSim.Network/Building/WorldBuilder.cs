using NetSim.Kernel;
using NetSim.Network.Compute;
using NetSim.Network.Nodes;
using NetSim.Network.Radio;
using NetSim.Network.Recording;
using NetSim.Network.Scheduling;
using NetSim.Network.Tasks;

namespace NetSim.Network.Building;

/// <summary>
/// Wires a <see cref="World"/> from a <see cref="WorldSpec"/>. Every random draw comes from a
/// named stream of the run's root seed: <c>ue/N/position</c>, <c>ue/N/compute</c>,
/// <c>ue/N/shadowing</c>, <c>ue/N/arrivals</c>, <c>ue/N/tasks</c>, <c>ue/N/mobility</c>, <c>bs/K/position</c>,
/// <c>channel/fading</c> and <c>policy</c>.
/// </summary>
public static class WorldBuilder
{
    /// <summary>Builds the world and its task sources; nothing runs until <see cref="WorldRun.Run"/>.</summary>
    public static WorldRun Build(WorldSpec spec, Func<Random, IPolicy> policyFactory, IRunRecorder recorder)
    {
        if (spec.MaxGrants < 1)
        {
            throw new ArgumentException($"max grants {spec.MaxGrants}: at least 1 expected", nameof(spec));
        }

        var sim = new Simulation(spec.Seed);
        var streams = sim.Streams;

        var edges = new EdgeSite[spec.EdgeCount];
        var edgePositions = new Geometry.Point[spec.EdgeCount];
        for (var k = 0; k < spec.EdgeCount; k++)
        {
            edgePositions[k] = spec.EdgePlacement.Position(k, spec.EdgeCount, streams.Get($"bs/{k}/position"));
        }

        var ues = new UserEquipment[spec.UeCount];
        var uePositions = new Geometry.Point[spec.UeCount];
        var txPower = new double[spec.UeCount];
        for (var n = 0; n < spec.UeCount; n++)
        {
            var position = spec.UePlacement.Position(n, spec.UeCount, streams.Get($"ue/{n}/position"));
            var rate = spec.UeRate(streams.Get($"ue/{n}/compute"));
            var processor = new ComputeNode(sim, $"ue:{n}", rate, 1, Discipline.Fifo, 0);
            ues[n] = new UserEquipment(n, position, spec.UeTxPowerW, spec.UeKappa, processor);
            uePositions[n] = position;
            txPower[n] = spec.UeTxPowerW;
        }

        var grid = new Geometry.UniformGrid(edgePositions);
        var gains = new GainTable(spec.Radio, uePositions, edgePositions, spec.UeTxPowerW, grid, n => streams.Get($"ue/{n}/shadowing"));

        for (var k = 0; k < spec.EdgeCount; k++)
        {
            var server = new ComputeNode(sim, $"edge:{k}", spec.EdgeRate, spec.EdgeCores, spec.EdgeDiscipline, spec.SwitchTime);
            var backhaul = new ComputeNode(sim, $"backhaul:{k}", spec.BackhaulRate, 1, Discipline.Fifo, 0);
            var cache = new ModelCache(sim, k, spec.CacheBits, backhaul, spec.BackhaulDelay, spec.DownloadPowerW);
            foreach (var model in spec.Preload)
            {
                cache.Preload(model);
            }

            server.LoadAtStart(spec.Preload.Where(cache.IsReady).ToList());

            edges[k] = new EdgeSite(k, edgePositions[k], spec.BandwidthHz, spec.EdgeKappa, server, cache, backhaul, spec.BackhaulDelay);
        }

        var cloud = spec.Cloud
            ? new CloudSite(spec.CloudKappa, new ComputeNode(sim, "cloud", spec.CloudRate, spec.CloudCores, Discipline.Fifo, 0))
            : null;

        var bandwidth = Enumerable.Repeat(spec.BandwidthHz, spec.EdgeCount).ToArray();
        var fadingSeed = (ulong)streams.Get("channel/fading").NextInt64();
        var channel = new UplinkChannel(sim, spec.Radio, txPower, bandwidth, gains, fadingSeed);
        var world = new World(sim, ues, edges, cloud, channel, grid, spec.Models, spec.Options, recorder, spec.MaxGrants, spec.Admission);
        world.Measure(spec.MeasuredFrom, spec.MeasuredTo);
        world.EnableMobility(spec.Mobility, n => streams.Get($"ue/{n}/mobility"));
        var policy = policyFactory(streams.Get("policy"));
        world.Scheduler = new Scheduler(world, policy);

        var ids = new TaskIds();
        var traceByUe = spec.Trace.GroupBy(t => t.Ue).ToDictionary(g => g.Key, g => (IReadOnlyList<TraceArrival>)g.OrderBy(t => t.Time).ToList());
        var sources = new TaskSource[spec.UeCount];
        for (var n = 0; n < spec.UeCount; n++)
        {
            sources[n] = new TaskSource(world, n, spec.Arrivals, spec.ArrivalInterval, spec.Duration, streams, spec.TaskTypes, traceByUe.GetValueOrDefault(n, []), ids);
        }

        return new WorldRun(spec, world, sources, policy);
    }
}
