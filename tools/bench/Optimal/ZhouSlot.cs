using NetSim.Network;
using NetSim.Network.Building;
using NetSim.Network.Geometry;
using NetSim.Network.Radio;
using NetSim.Network.Recording;
using NetSim.Network.Scheduling;
using NetSim.Network.Tasks;

namespace NetSim.Bench.Optimal;

/// <summary>
/// Zhou et al.'s Table I as a world: N UEs uniform in a 1 km disk, M = 5 base stations on a
/// 1.2 km grid, 20 MHz, 20 dBm, -100 dBm noise, power over the band, 300 MFLOPS devices, 15 GFLOPS
/// servers, 200 / 50 MFLOP, 100 to 200 KB, 10 to 20 ms bounds; one task per UE per 1 s slot.
/// </summary>
internal static class ZhouSlot
{
    private static readonly AigcModel Model = new(0, "sd", 8e9, WorkKind.Fixed, 200e6, 50e6, 0, 0, 0);

    public static WorldSpec Spec(int ues, int stations, ulong seed, int slots) => new()
    {
        Seed = seed,
        Duration = slots,
        Options = new WorldOptions(EpochKind.Slot, 1.0, false, false, PolicyShare: false, new Quality(1, 0.1, 0.1), Downlink: false, DownlinkRate: 1e8, ResultBits: 0),
        UeCount = ues,
        UePlacement = new Placement(PlacementKind.Disk, default, 1000, 0, 0, []),
        UeRate = _ => 300e6,
        UeTxPowerW = 0.1,
        Arrivals = ArrivalKind.Slot,
        ArrivalInterval = 1.0,
        Models = [Model],
        TaskTypes = [new TaskTypeSpec(0, "image", Model, 1, r => 8 * (100e3 + (100e3 * r.NextDouble())), r => 0.010 + (0.010 * r.NextDouble()), 20)],
        EdgeCount = stations,
        EdgePlacement = new Placement(PlacementKind.Grid, default, 0, 1200, 1200, []),
        BandwidthHz = 20e6,
        EdgeRate = 15e9,
        Radio = new RadioSettings(ChannelKind.Shannon, 0, new PathLoss(128.1, 37.6, 1000, 1), 1e-13, Interference: true, PolicyShare: false, RayleighBlock: 0, ShadowingDb: 0, PowerOverBand: true),
        Preload = [Model],
    };

    /// <summary>Runs the world with <paramref name="policy"/> deciding every epoch.</summary>
    public static void Run(WorldSpec spec, IPolicy policy) => WorldBuilder.Build(spec, _ => policy, NullRecorder.Instance).Run();
}
