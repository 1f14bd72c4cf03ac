using NetSim.Network;
using NetSim.Network.Building;
using NetSim.Network.Geometry;
using NetSim.Network.Radio;
using NetSim.Network.Scheduling;
using NetSim.Network.Tasks;

namespace NetSim.Policies.Tests.Support;

/// <summary>Small hand-made worlds whose numbers a test can work out on paper.</summary>
internal static class Worlds
{
    public const double Bandwidth = 20e6;
    public const double NoiseW = 1e-13;
    public const double TxPowerW = 0.1;
    public const double UeRate = 300e6;
    public const double EdgeRate = 15e9;

    /// <summary>A fixed-work model: 200 MFLOP on a server, 50 MFLOP on a device (Zhou et al.'s chi).</summary>
    public static AigcModel Model(int index = 0, string name = "m", double sizeBits = 8e9) =>
        new(index, name, sizeBits, WorkKind.Fixed, 200e6, 50e6, 0, 0, 0);

    public static TaskTypeSpec Type(AigcModel model, int index = 0) =>
        new(index, $"t{index}", model, 1, _ => 1.2e6, _ => double.PositiveInfinity, 20);

    /// <summary>Linear gain of the 3GPP macro law 128.1 + 37.6 log10(d / 1 km) dB at <paramref name="metres"/>.</summary>
    public static double Gain(double metres) => Math.Pow(10, -(128.1 + (37.6 * Math.Log10(metres / 1000))) / 10);

    /// <summary>Shannon rate of one upload alone on the whole band at <paramref name="metres"/>, bits/s.</summary>
    public static double RateAlone(double metres) => Bandwidth * Math.Log2(1 + (TxPowerW * Gain(metres) / NoiseW));

    /// <summary>UEs and base stations at the given points; trace arrivals; every edge at 15 GFLOPS, one core.</summary>
    public static WorldSpec Points(Point[] ues, Point[] stations, IReadOnlyList<TraceArrival> trace, IReadOnlyList<AigcModel> models, IReadOnlyList<AigcModel> preload, bool interference = false) => new()
    {
        Seed = 7,
        Duration = 10,
        Options = new WorldOptions(EpochKind.Arrival, 0.01, false, false, PolicyShare: false, new Quality(1, 0.1, 0.1), Downlink: false, DownlinkRate: 1e8, ResultBits: 0),
        UeCount = ues.Length,
        UePlacement = new Placement(PlacementKind.Points, default, 0, 0, 0, ues),
        UeRate = _ => UeRate,
        UeTxPowerW = TxPowerW,
        Arrivals = ArrivalKind.Trace,
        ArrivalInterval = 1,
        Trace = trace,
        Models = models,
        TaskTypes = models.Select((m, i) => Type(m, i)).ToList(),
        EdgeCount = stations.Length,
        EdgePlacement = new Placement(PlacementKind.Points, default, 0, 0, 0, stations),
        BandwidthHz = Bandwidth,
        EdgeRate = EdgeRate,
        Radio = new RadioSettings(ChannelKind.Shannon, 0, new PathLoss(128.1, 37.6, 1000, 1), NoiseW, interference, PolicyShare: false, RayleighBlock: 0, ShadowingDb: 0, PowerOverBand: false),
        Preload = preload,
        BackhaulRate = 1e9,
    };
}
