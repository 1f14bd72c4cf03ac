using NetSim.Network.Compute;
using NetSim.Network.Geometry;
using NetSim.Network.Radio;
using NetSim.Network.Tasks;

namespace NetSim.Network.Building;

/// <summary>
/// Everything needed to build a world, fully resolved and in SI units: what a scenario file
/// becomes after loading, and what tests write by hand.
/// </summary>
public sealed record WorldSpec
{
    /// <summary>Root seed of the run.</summary>
    public required ulong Seed { get; init; }

    /// <summary>Arrivals happen in [0, Duration).</summary>
    public required double Duration { get; init; }

    /// <summary>Keep running after <see cref="Duration"/> until every task has ended.</summary>
    public bool Drain { get; init; } = true;

    /// <summary>Hard stop of simulated time.</summary>
    public double MaxTime { get; init; } = 3600;

    /// <summary>
    /// The warm-up cut, seconds: statistics exclude tasks created before it, and per-node statistics
    /// start at it. <see cref="double.PositiveInfinity"/> asks for the cut MSER-5 chooses
    /// (<see cref="Metrics.SteadyState.MserCut"/>), which a first run of the replication finds;
    /// until then the world measures from 0.
    /// </summary>
    public double Warmup { get; init; }

    /// <summary>Batches of the batch-means interval of a single long run.</summary>
    public int BatchMeans { get; init; } = 20;

    /// <summary>Whether the warm-up cut is chosen by MSER-5 rather than given.</summary>
    public bool AutoWarmup => double.IsPositiveInfinity(Warmup);

    /// <summary>Start of the measured interval: the warm-up cut (0 while an automatic one is unknown), at most the end of arrivals.</summary>
    public double MeasuredFrom => AutoWarmup ? 0 : Math.Min(Warmup, MeasuredTo);

    /// <summary>End of the measured interval: when arrivals stop (the drain after it is not measured).</summary>
    public double MeasuredTo => Math.Min(Duration, MaxTime);

    /// <summary>World-wide switches.</summary>
    public required WorldOptions Options { get; init; }

    /// <summary>Number of UEs.</summary>
    public required int UeCount { get; init; }

    /// <summary>Where the UEs stand.</summary>
    public required Placement UePlacement { get; init; }

    /// <summary>Draws a UE's processor rate (ops/s), once per UE from its own stream.</summary>
    public required Func<Random, double> UeRate { get; init; }

    /// <summary>UE transmit power, watts.</summary>
    public required double UeTxPowerW { get; init; }

    /// <summary>UE energy coefficient: joules per operation per Hz^2.</summary>
    public double UeKappa { get; init; }

    /// <summary>Arrival process.</summary>
    public required ArrivalKind Arrivals { get; init; }

    /// <summary>Slot length or mean gap, seconds.</summary>
    public required double ArrivalInterval { get; init; }

    /// <summary>Trace arrivals, for <see cref="ArrivalKind.Trace"/>.</summary>
    public IReadOnlyList<TraceArrival> Trace { get; init; } = [];

    /// <summary>The models.</summary>
    public required IReadOnlyList<AigcModel> Models { get; init; }

    /// <summary>The task mix.</summary>
    public required IReadOnlyList<TaskTypeSpec> TaskTypes { get; init; }

    /// <summary>Number of base stations, each with an edge server.</summary>
    public required int EdgeCount { get; init; }

    /// <summary>Where the base stations stand.</summary>
    public required Placement EdgePlacement { get; init; }

    /// <summary>Uplink bandwidth of each base station, hertz.</summary>
    public required double BandwidthHz { get; init; }

    /// <summary>Rate of one edge core, ops/s.</summary>
    public required double EdgeRate { get; init; }

    /// <summary>Cores per edge server.</summary>
    public int EdgeCores { get; init; } = 1;

    /// <summary>Edge service discipline.</summary>
    public Discipline EdgeDiscipline { get; init; } = Discipline.Fifo;

    /// <summary>Edge energy coefficient.</summary>
    public double EdgeKappa { get; init; }

    /// <summary>Model cache capacity per edge, bits.</summary>
    public double CacheBits { get; init; } = double.PositiveInfinity;

    /// <summary>
    /// Models every edge holds at t = 0, in the order of <see cref="Models"/>; server core c has
    /// the (c mod n)-th of the n that fit in the cache loaded, so it is charged no switch for it.
    /// </summary>
    public IReadOnlyList<AigcModel> Preload { get; init; } = [];

    /// <summary>Model switch time, seconds: charged when a server core changes the model it has loaded.</summary>
    public double SwitchTime { get; init; }

    /// <summary>Backhaul rate, bits/s.</summary>
    public double BackhaulRate { get; init; } = 1e9;

    /// <summary>Backhaul propagation delay, seconds.</summary>
    public double BackhaulDelay { get; init; }

    /// <summary>
    /// Power of a model download while the backhaul transmits it, watts (p_c^n of Wang, Li and Wang,
    /// eq. 8), charged to the task whose request started the download; 0 counts no download energy.
    /// </summary>
    public double DownloadPowerW { get; init; }

    /// <summary>Whether a cloud exists.</summary>
    public bool Cloud { get; init; }

    /// <summary>Rate of one cloud core, ops/s.</summary>
    public double CloudRate { get; init; } = 1;

    /// <summary>Cloud cores.</summary>
    public int CloudCores { get; init; } = 1;

    /// <summary>Cloud energy coefficient.</summary>
    public double CloudKappa { get; init; }

    /// <summary>
    /// Uploads each base station grants the uplink to at a time; later ones wait, first in first
    /// out, for a grant to end. <see cref="int.MaxValue"/> (the default) grants every upload at once.
    /// </summary>
    public int MaxGrants { get; init; } = int.MaxValue;

    /// <summary>Admission control; by default none (every task admitted).</summary>
    public Scheduling.Admission Admission { get; init; } = Scheduling.Admission.None;

    /// <summary>How UEs move and are handed over; by default every UE stands still.</summary>
    public Mobility.MobilitySettings Mobility { get; init; } = NetSim.Network.Mobility.MobilitySettings.Static;

    /// <summary>Uplink settings.</summary>
    public required RadioSettings Radio { get; init; }
}
