using NetSim.Network.Building;
using NetSim.Network.Geometry;
using NetSim.Network.Radio;
using NetSim.Network.Scheduling;
using NetSim.Network.Tasks;

namespace NetSim.Network.Tests.World;

/// <summary>Small hand-made worlds whose numbers a test can work out on paper.</summary>
internal static class Specs
{
    public const double Bandwidth = 20e6;
    public const double NoiseW = 1e-13;
    public const double TxPowerW = 0.1;
    public static readonly PathLoss PathLoss = new(128.1, 37.6, 1000, 1);

    public static AigcModel FixedModel(int index = 0, string name = "m", double sizeBits = 8e9, double serverOps = 200e6, double deviceOps = 50e6) =>
        new(index, name, sizeBits, WorkKind.Fixed, serverOps, deviceOps, 0, 0, 0);

    public static TaskTypeSpec Type(AigcModel model, double sizeBits, int index = 0, double deadline = double.PositiveInfinity) =>
        new(index, $"t{index}", model, 1, _ => sizeBits, _ => deadline, 20);

    public static RadioSettings Shannon(bool interference = true, bool powerOverBand = false) =>
        new(ChannelKind.Shannon, 0, PathLoss, NoiseW, interference, PolicyShare: false, RayleighBlock: 0, ShadowingDb: 0, powerOverBand);

    public static WorldOptions Options(EpochKind epoch = EpochKind.Arrival, bool drop = false, bool partial = false) =>
        new(epoch, 0.01, partial, drop, PolicyShare: false, new Quality(1, 0.1, 0.1), Downlink: false, DownlinkRate: 1e8, ResultBits: 0);

    /// <summary>UEs and base stations at the given points; tasks from a trace; edge at 15 GFLOPS.</summary>
    public static WorldSpec Points(Point[] ues, Point[] stations, IReadOnlyList<TraceArrival> trace, IReadOnlyList<AigcModel> models, IReadOnlyList<TaskTypeSpec> types) => new()
    {
        Seed = 7,
        Duration = 100,
        Options = Options(),
        UeCount = ues.Length,
        UePlacement = new Placement(PlacementKind.Points, default, 0, 0, 0, ues),
        UeRate = _ => 300e6,
        UeTxPowerW = TxPowerW,
        Arrivals = ArrivalKind.Trace,
        ArrivalInterval = 1,
        Trace = trace,
        Models = models,
        TaskTypes = types,
        EdgeCount = stations.Length,
        EdgePlacement = new Placement(PlacementKind.Points, default, 0, 0, 0, stations),
        BandwidthHz = Bandwidth,
        EdgeRate = 15e9,
        Radio = Shannon(),
        Preload = models,
    };

    /// <summary>Linear gain of the path-loss law at <paramref name="metres"/>, computed from the formula.</summary>
    public static double Gain(double metres) => Math.Pow(10, -(128.1 + (37.6 * Math.Log10(metres / 1000))) / 10);
}
