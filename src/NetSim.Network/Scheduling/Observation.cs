using NetSim.Network.Geometry;
using NetSim.Network.Tasks;

namespace NetSim.Network.Scheduling;

/// <summary>
/// Everything a policy may legitimately know at a decision epoch: the world's configuration and
/// its state now (queues, backlogs, active uploads, caches, channel gains). It reads the live world,
/// so it holds nothing of the future; it must not be kept past the call it was given to.
/// </summary>
public sealed class Observation
{
    private readonly World _world;

    // The nearest station of each UE plus two once looked up (-1 for none), 0 before; not kept when UEs move.
    private int[]? _nearest;
    private double? _outOfRangeRate;

    internal Observation(World world) => _world = world;

    /// <summary>Current simulated time, seconds.</summary>
    public double Now => _world.Simulation.Now;

    /// <summary>Number of UEs.</summary>
    public int UeCount => _world.Ues.Length;

    /// <summary>Number of base stations (edge servers).</summary>
    public int EdgeCount => _world.Edges.Length;

    /// <summary>Whether the scenario has a cloud.</summary>
    public bool HasCloud => _world.Cloud is not null;

    /// <summary>The scenario's models, by index.</summary>
    public IReadOnlyList<AigcModel> Models => _world.Models;

    /// <summary>Whether partial offloading is allowed.</summary>
    public bool PartialOffloading => _world.Options.PartialOffloading;

    /// <summary>Whether policies set bandwidth shares.</summary>
    public bool PolicyShare => _world.Options.PolicyShare;

    /// <summary>Diffusion quality law.</summary>
    public Quality Quality => _world.Options.Quality;

    /// <summary>Position of UE <paramref name="ue"/> now, metres (exact for a moving UE, between its position updates too).</summary>
    public Point UePosition(int ue) => _world.PositionNow(ue);

    /// <summary>Velocity of UE <paramref name="ue"/> now, metres per second east and north (0 for a UE that stands still).</summary>
    public (double Vx, double Vy) UeVelocity(int ue) => _world.VelocityNow(ue);

    /// <summary>Whether some UE moves in this world (see <c>ues.mobility</c>).</summary>
    public bool Mobile => _world.Mobile;

    /// <summary>
    /// The station serving <paramref name="ue"/> (its association, which handovers change), or -1
    /// when no station covers it; -1 for every UE in a world where no UE moves.
    /// </summary>
    public int ServingStation(int ue) => _world.ServingOf(ue);

    /// <summary>Whether base station <paramref name="edge"/> covers <paramref name="ue"/> now (<c>base_stations.coverage</c>); an offload through a station that does not is refused.</summary>
    public bool InCoverage(int ue, int edge) => _world.Covers(edge, ue);

    /// <summary>
    /// The next handover of <paramref name="ue"/> expected within <paramref name="horizon"/>
    /// seconds, if it keeps its present velocity: seconds from now and the station it goes to, or
    /// (infinity, -1) for none (the world's association rule at its coming position updates; see
    /// docs/models.md, Mobility).
    /// </summary>
    public (double In, int To) ExpectedHandover(int ue, double horizon) => _world.ForecastHandover(ue, horizon);

    /// <summary>Seconds an upload is interrupted by a handover, and whether it then starts again from its first bit.</summary>
    public (double Interruption, bool Restart) HandoverCost => (_world.MobilitySettings.Interruption, _world.MobilitySettings.Restart);

    /// <summary>Processor rate of UE <paramref name="ue"/>, operations per second.</summary>
    public double UeRate(int ue) => _world.Ues[ue].Processor.Rate;

    /// <summary>Transmit power of UE <paramref name="ue"/>, watts.</summary>
    public double UeTxPower(int ue) => _world.Ues[ue].TxPowerW;

    /// <summary>Energy coefficient kappa of UE <paramref name="ue"/> (joules per operation per Hz^2).</summary>
    public double UeKappa(int ue) => _world.Ues[ue].Kappa;

    /// <summary>Operations waiting or in progress on UE <paramref name="ue"/>'s processor.</summary>
    public double UeBacklogOps(int ue) => _world.Ues[ue].Processor.BacklogOps;

    /// <summary>Tasks waiting or in service on UE <paramref name="ue"/>'s processor.</summary>
    public int UeQueueLength(int ue) => _world.Ues[ue].Processor.Length;

    /// <summary>Position of base station <paramref name="edge"/>.</summary>
    public Point EdgePosition(int edge) => _world.Edges[edge].Position;

    /// <summary>Rate of one core of edge server <paramref name="edge"/>, operations per second.</summary>
    public double EdgeRate(int edge) => _world.Edges[edge].Server.Rate;

    /// <summary>Cores of edge server <paramref name="edge"/>.</summary>
    public int EdgeCores(int edge) => _world.Edges[edge].Server.Cores;

    /// <summary>Uplink bandwidth of base station <paramref name="edge"/>, hertz.</summary>
    public double EdgeBandwidth(int edge) => _world.Edges[edge].BandwidthHz;

    /// <summary>Tasks waiting or in service on edge server <paramref name="edge"/>.</summary>
    public int EdgeQueueLength(int edge) => _world.Edges[edge].Server.Length;

    /// <summary>Operations waiting or in progress on edge server <paramref name="edge"/>.</summary>
    public double EdgeBacklogOps(int edge) => _world.Edges[edge].Server.BacklogOps;

    /// <summary>Energy coefficient kappa of edge server <paramref name="edge"/> (joules per operation per Hz^2).</summary>
    public double EdgeKappa(int edge) => _world.Edges[edge].Kappa;

    /// <summary>Model switch time of edge server <paramref name="edge"/>, seconds.</summary>
    public double EdgeSwitchTime(int edge) => _world.Edges[edge].Server.SwitchTime;

    /// <summary>Uploads in progress to base station <paramref name="edge"/>.</summary>
    public int ActiveUploads(int edge) => _world.Channel.ActiveAt(edge);

    /// <summary>Whether edge <paramref name="edge"/> holds <paramref name="model"/> ready.</summary>
    public bool HasModel(int edge, AigcModel model) => _world.Edges[edge].Cache.IsReady(model);

    /// <summary>Whether edge <paramref name="edge"/> is downloading <paramref name="model"/>.</summary>
    public bool IsDownloading(int edge, AigcModel model) => _world.Edges[edge].Cache.IsDownloading(model);

    /// <summary>Backhaul rate of edge <paramref name="edge"/>, bits per second.</summary>
    public double BackhaulRate(int edge) => _world.Edges[edge].Backhaul.Rate;

    /// <summary>Backhaul propagation delay of edge <paramref name="edge"/>, seconds.</summary>
    public double BackhaulDelay(int edge) => _world.Edges[edge].BackhaulDelay;

    /// <summary>Bits waiting or in transfer on the backhaul of edge <paramref name="edge"/>.</summary>
    public double BackhaulBacklogBits(int edge) => _world.Edges[edge].Backhaul.BacklogOps;

    /// <summary>Rate of one cloud core, operations per second (0 without a cloud).</summary>
    public double CloudRate => _world.Cloud?.Server.Rate ?? 0;

    /// <summary>Cloud cores (0 without a cloud).</summary>
    public int CloudCores => _world.Cloud?.Server.Cores ?? 0;

    /// <summary>Operations waiting or in progress in the cloud.</summary>
    public double CloudBacklogOps => _world.Cloud?.Server.BacklogOps ?? 0;

    /// <summary>Uploads of UE <paramref name="ue"/> in progress, to any station.</summary>
    public int UeUploads(int ue) => _world.Channel.UploadsOf(ue);

    /// <summary>Uploads of UE <paramref name="ue"/> in progress to base station <paramref name="edge"/>.</summary>
    public int UeUploadsTo(int ue, int edge) => _world.Channel.UploadsOf(ue, edge);

    /// <summary>Linear path gain (with shadowing) of UE to base station.</summary>
    public double Gain(int ue, int edge) => _world.Channel.Gain(ue, edge);

    /// <summary>Noise power, watts.</summary>
    public double NoiseW => _world.Channel.NoiseW;

    /// <summary>The rate an upload from <paramref name="ue"/> to <paramref name="edge"/> would get if it started now.</summary>
    public double UplinkRateIfStarted(int ue, int edge, double share = double.NaN) => _world.Channel.RateIfStarted(ue, edge, share);

    /// <summary>
    /// The rate an upload from <paramref name="ue"/> to <paramref name="edge"/> would get if it
    /// started now with <paramref name="extraInterferenceW"/> watts more interference at
    /// <paramref name="edge"/> (uploads a policy is about to start elsewhere); the extra is ignored
    /// when the scenario counts no interference or the channel is ideal.
    /// </summary>
    public double UplinkRateIfStarted(int ue, int edge, double share, double extraInterferenceW) => _world.Channel.RateIfStarted(ue, edge, share, extraInterferenceW);

    /// <summary>
    /// The base stations in range of <paramref name="ue"/> (see <c>channel.interference_tolerance</c>),
    /// in increasing index: every station when the world is small, else those near the UE. A station
    /// out of range receives the UE below the tolerance times the noise power.
    /// </summary>
    public ReadOnlySpan<int> StationsInRange(int ue) => _world.Channel.Gains.Stations(ue);

    /// <summary>
    /// An upper bound on the rate <see cref="UplinkRateIfStarted(int, int, double, double)"/> gives
    /// for a station out of the UE's range (see <see cref="StationsInRange"/>), bits per second;
    /// infinite when there is no such bound (every station in range, the ideal channel, fading). A
    /// policy that scans the stations in range and finds an option better than the time to send a
    /// task at this rate need not look at the others.
    /// </summary>
    public double OutOfRangeRateBound => _outOfRangeRate ??= _world.Channel.OutOfRangeRateBound;

    /// <summary>
    /// The base station with the highest path gain for <paramref name="ue"/> (the nearest without
    /// shadowing; the lowest index on ties), looked for among the stations in range when it has any.
    /// </summary>
    public int BestStation(int ue)
    {
        var gains = _world.Channel.Gains;
        var stations = gains.Stations(ue);
        if (stations.Length == 0)
        {
            return BestOfAll(ue);
        }

        var values = gains.Gains(ue);
        var best = -1;
        var bestGain = double.NegativeInfinity;
        for (var i = 0; i < stations.Length; i++)
        {
            if (values[i] > bestGain)
            {
                bestGain = values[i];
                best = stations[i];
            }
        }

        return best;
    }

    /// <summary>The base station nearest to <paramref name="ue"/> by distance (lowest index on ties), or -1.</summary>
    public int NearestStation(int ue)
    {
        if (_world.Mobile)
        {
            return _world.StationGrid.Nearest(UePosition(ue));
        }

        _nearest ??= new int[UeCount];
        if (_nearest[ue] == 0)
        {
            _nearest[ue] = _world.StationGrid.Nearest(UePosition(ue)) + 2;
        }

        return _nearest[ue] - 2;
    }

    private int BestOfAll(int ue)
    {
        var best = -1;
        var bestGain = double.NegativeInfinity;
        for (var m = 0; m < EdgeCount; m++)
        {
            var g = Gain(ue, m);
            if (g > bestGain)
            {
                bestGain = g;
                best = m;
            }
        }

        return best;
    }

    /// <summary>Operations the whole of <paramref name="task"/> needs on its device.</summary>
    public double DeviceWork(in TaskView task) => task.Model.Work(onDevice: true, task.SizeBits, task.Steps, UeRate(task.Ue));

    /// <summary>Operations the whole of <paramref name="task"/> needs on edge server <paramref name="edge"/>.</summary>
    public double EdgeWork(in TaskView task, int edge) => task.Model.Work(onDevice: false, task.SizeBits, task.Steps, EdgeRate(edge));

    /// <summary>Operations the whole of <paramref name="task"/> needs in the cloud.</summary>
    public double CloudWork(in TaskView task) => task.Model.Work(onDevice: false, task.SizeBits, task.Steps, CloudRate);
}
