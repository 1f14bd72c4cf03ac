using NetSim.Network;
using NetSim.Network.Building;
using NetSim.Network.Geometry;
using NetSim.Network.Radio;
using NetSim.Network.Scheduling;
using NetSim.Network.Tasks;

namespace NetSim.Policies.Tests.Support;

/// <summary>Small worlds built by hand, with the numbers of Table I of Zhou et al. (the radio and compute constants of <see cref="Worlds"/>).</summary>
internal static class ZhouWorlds
{
    public static readonly PathLoss PathLoss = new(128.1, 37.6, 1000, 1);
    public static readonly AigcModel Model = new(0, "sd", 8e9, WorkKind.Fixed, 200e6, 50e6, 0, 0, 0);

    /// <summary>
    /// Zhou et al.'s setting: <paramref name="ues"/> UEs uniform in a 1 km disk, each creating one
    /// task of 100 to 200 KB with a 10 to 20 ms bound per slot; <paramref name="stations"/> base
    /// stations on a grid; power spread over the band; slot epochs of 1 s.
    /// </summary>
    public static WorldSpec ZhouLike(int ues, int stations, ulong seed, int slots = 3) => new()
    {
        Seed = seed,
        Duration = slots,
        Options = new WorldOptions(EpochKind.Slot, 1.0, false, false, PolicyShare: false, new Quality(1, 0.1, 0.1), Downlink: false, DownlinkRate: 1e8, ResultBits: 0),
        UeCount = ues,
        UePlacement = new Placement(PlacementKind.Disk, default, 1000, 0, 0, []),
        UeRate = _ => Worlds.UeRate,
        UeTxPowerW = Worlds.TxPowerW,
        Arrivals = ArrivalKind.Slot,
        ArrivalInterval = 1.0,
        Models = [Model],
        TaskTypes = [new TaskTypeSpec(0, "image", Model, 1, r => 8 * (100e3 + (100e3 * r.NextDouble())), r => 0.010 + (0.010 * r.NextDouble()), 20)],
        EdgeCount = stations,
        EdgePlacement = new Placement(PlacementKind.Grid, default, 0, 1200, 1200, []),
        BandwidthHz = Worlds.Bandwidth,
        EdgeRate = Worlds.EdgeRate,
        Radio = new RadioSettings(ChannelKind.Shannon, 0, PathLoss, Worlds.NoiseW, Interference: true, PolicyShare: false, RayleighBlock: 0, ShadowingDb: 0, PowerOverBand: true),
        Preload = [Model],
    };

    /// <summary>UEs and base stations at given points, tasks from a trace, slot epochs of <paramref name="slot"/> seconds, power concentrated on each share.</summary>
    public static WorldSpec Points(Point[] ues, Point[] stations, IReadOnlyList<TraceArrival> trace, double slot, double sizeBits) => new()
    {
        Seed = 11,
        Duration = 100,
        Options = new WorldOptions(EpochKind.Slot, slot, false, false, PolicyShare: false, new Quality(1, 0.1, 0.1), Downlink: false, DownlinkRate: 1e8, ResultBits: 0),
        UeCount = ues.Length,
        UePlacement = new Placement(PlacementKind.Points, default, 0, 0, 0, ues),
        UeRate = _ => Worlds.UeRate,
        UeTxPowerW = Worlds.TxPowerW,
        Arrivals = ArrivalKind.Trace,
        ArrivalInterval = 1,
        Trace = trace,
        Models = [Model],
        TaskTypes = [new TaskTypeSpec(0, "image", Model, 1, _ => sizeBits, _ => double.PositiveInfinity, 20)],
        EdgeCount = stations.Length,
        EdgePlacement = new Placement(PlacementKind.Points, default, 0, 0, 0, stations),
        BandwidthHz = Worlds.Bandwidth,
        EdgeRate = Worlds.EdgeRate,
        Radio = new RadioSettings(ChannelKind.Shannon, 0, PathLoss, Worlds.NoiseW, Interference: true, PolicyShare: false, RayleighBlock: 0, ShadowingDb: 0),
        Preload = [Model],
    };

    /// <summary>A policy context with the given options and a stream seeded with <paramref name="seed"/>.</summary>
    public static PolicyContext Context(string name, int seed = 1, params (string Key, object? Value)[] options) =>
        new(name, new Random(seed), options.ToDictionary(o => o.Key, o => o.Value), null, ".");
}
