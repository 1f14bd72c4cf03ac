using NetSim.Network;
using NetSim.Network.Building;
using NetSim.Network.Geometry;
using NetSim.Network.Radio;
using NetSim.Network.Scheduling;
using NetSim.Network.Tasks;

namespace NetSim.Learning.Tests;

/// <summary>Small worlds for training tests, after Zhou et al.'s Table I and Wang, Li and Wang's setup.</summary>
internal static class SmallWorlds
{
    public static readonly PathLoss PathLoss = new(128.1, 37.6, 1000, 1);

    /// <summary>
    /// Zhou et al. in small: UEs in a 500 m disk, two stations, one task per UE per 50 ms slot of
    /// 100-200 KB; 50 MFLOP on a 300 MFLOPS device (167 ms) or 200 MFLOP on a 15 GFLOPS edge
    /// (13 ms) after a 20 MHz Shannon upload; latency bound 50 ms.
    /// </summary>
    public static WorldSpec Zhou(int ues, int slots)
    {
        var model = new AigcModel(0, "llm", 8e9, WorkKind.Fixed, 200e6, 50e6, 0, 0, 0);
        var type = new TaskTypeSpec(0, "req", model, 1, r => (100 + (100 * r.NextDouble())) * 8e3, _ => 0.05, 20);
        return new WorldSpec
        {
            Seed = 1,
            Duration = slots * 0.05,
            MaxTime = (slots * 0.05) + 30,
            Options = new WorldOptions(EpochKind.Slot, 0.05, false, false, false, new Quality(1, 0.1, 0.1), false, 1e8, 0),
            UeCount = ues,
            UePlacement = new Placement(PlacementKind.Disk, new Point(0, 0), 500, 0, 0, []),
            UeRate = _ => 300e6,
            UeTxPowerW = 0.1,
            Arrivals = ArrivalKind.Slot,
            ArrivalInterval = 0.05,
            Models = [model],
            TaskTypes = [type],
            EdgeCount = 2,
            EdgePlacement = new Placement(PlacementKind.Points, default, 0, 0, 0, [new Point(-300, 0), new Point(300, 0)]),
            BandwidthHz = 20e6,
            EdgeRate = 15e9,
            Preload = [model],
            Radio = new RadioSettings(ChannelKind.Shannon, 0, PathLoss, 1e-13, true, PolicyShare: false, RayleighBlock: 0, ShadowingDb: 0, PowerOverBand: false),
        };
    }

    /// <summary>
    /// A model-aware case: two models, each station preloads one and has room for one (a download
    /// evicts), tasks need either model; uniform arrivals.
    /// </summary>
    public static WorldSpec Models(int ues, double duration)
    {
        var a = new AigcModel(0, "a", 800e6, WorkKind.Fixed, 2e9, 1e9, 0, 0, 0);
        var b = new AigcModel(1, "b", 800e6, WorkKind.Fixed, 2e9, 1e9, 0, 0, 0);
        var spec = Zhou(ues, 1);
        return spec with
        {
            Duration = duration,
            MaxTime = duration + 60,
            Options = spec.Options with { Epoch = EpochKind.Arrival },
            Arrivals = ArrivalKind.Uniform,
            ArrivalInterval = 0.5,
            UeRate = _ => 2e9,
            Models = [a, b],
            TaskTypes = [new TaskTypeSpec(0, "ta", a, 1, _ => 2e6 * 8, _ => 2.0, 20), new TaskTypeSpec(1, "tb", b, 1, _ => 2e6 * 8, _ => 2.0, 20)],
            EdgeRate = 7e9,
            Preload = [a],
            CacheBits = 1e9,
            BackhaulRate = 1e9,
            BackhaulDelay = 0.01,
        };
    }
}
