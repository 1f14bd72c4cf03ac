using NetSim.Network.Tasks;

namespace NetSim.Network.Scheduling;

/// <summary>
/// The load that the decisions already taken in the current epoch will add to the world, which the
/// <see cref="Observation"/> cannot show yet (the scheduler applies a batch's assignments after the
/// policy returns): device and server operations, uploads per base station, backhaul bits, and
/// model downloads that will start, and the interference its new uploads will add. A policy that
/// decides a batch task by task adds it to the observed state so that the tasks of one slot do not
/// all count on the same idle server (least-latency's estimates, the actor-critic's features).
/// </summary>
public sealed class EpochLoad
{
    private readonly Dictionary<int, double> _ueOps = new();
    private readonly int _edges;
    private readonly Dictionary<int, double> _edgeOps = new();
    private readonly Dictionary<int, int> _uploads = new();
    private readonly Dictionary<int, double> _interference = new();
    private readonly Dictionary<int, (int Total, Dictionary<int, int> To)> _ueUploads = new();
    private readonly Dictionary<int, double> _backhaulBits = new();
    private readonly HashSet<(int Edge, int Model)> _downloads = new();

    /// <summary>No load yet, for a world of <paramref name="edges"/> base stations.</summary>
    public EpochLoad(int edges)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(edges);
        _edges = edges;
    }

    /// <summary>Operations added to the cloud.</summary>
    public double CloudOps { get; private set; }

    /// <summary>Operations added to device <paramref name="ue"/>.</summary>
    public double UeOps(int ue) => _ueOps.GetValueOrDefault(ue);

    /// <summary>Operations added to edge server <paramref name="edge"/>.</summary>
    public double EdgeOps(int edge) => _edgeOps.GetValueOrDefault(Check(edge));

    /// <summary>New uploads to base station <paramref name="edge"/>.</summary>
    public int Uploads(int edge) => _uploads.GetValueOrDefault(Check(edge));

    /// <summary>
    /// The change in received power at <paramref name="edge"/> from other stations' uploads that the
    /// epoch's new uploads cause, watts: a UE splits its power over its uploads, so a new upload of a
    /// UE already transmitting adds its share and takes the same from the UE's other uploads (the
    /// change is negative where those went to other stations and the new one does not).
    /// </summary>
    public double Interference(int edge) => _interference.GetValueOrDefault(Check(edge));

    /// <summary>Bits added to the backhaul of <paramref name="edge"/>.</summary>
    public double BackhaulBits(int edge) => _backhaulBits.GetValueOrDefault(Check(edge));

    /// <summary>True when an earlier decision starts a download of <paramref name="model"/> to <paramref name="edge"/>.</summary>
    public bool Downloads(int edge, AigcModel model) => _downloads.Contains((edge, model.Index));

    /// <summary>Counts <paramref name="ops"/> operations run on device <paramref name="ue"/>.</summary>
    public void AddLocal(int ue, double ops) => _ueOps[ue] = UeOps(ue) + ops;

    /// <summary>
    /// An upload of <paramref name="ue"/> to <paramref name="station"/> will start: counts its share of
    /// the band and how the UE's power, split equally over its uploads in progress and the epoch's
    /// new ones, then falls on every other station in its range (<see cref="Observation.StationsInRange"/>).
    /// </summary>
    public void AddUpload(Observation observation, int ue, int station)
    {
        _uploads[Check(station)] = Uploads(station) + 1;
        if (!_ueUploads.TryGetValue(ue, out var added))
        {
            added = (0, new Dictionary<int, int>());
        }

        var before = observation.UeUploads(ue) + added.Total;
        var power = observation.UeTxPower(ue);
        foreach (var m in observation.StationsInRange(ue))
        {
            var toM = observation.UeUploadsTo(ue, m) + added.To.GetValueOrDefault(m);
            var was = before > 0 ? power * (before - toM) / before : 0;
            var now = power * (before + 1 - toM - (m == station ? 1 : 0)) / (before + 1);
            _interference[m] = Interference(m) + ((now - was) * observation.Gain(ue, m));
        }

        added.To[station] = added.To.GetValueOrDefault(station) + 1;
        _ueUploads[ue] = (added.Total + 1, added.To);
    }

    /// <summary>Counts <paramref name="ops"/> operations on edge <paramref name="edge"/> and, when <paramref name="downloadBits"/> is positive, the download of <paramref name="model"/> (once per edge and model).</summary>
    public void AddEdge(int edge, double ops, double downloadBits, AigcModel model)
    {
        _edgeOps[Check(edge)] = EdgeOps(edge) + ops;
        if (downloadBits > 0 && _downloads.Add((edge, model.Index)))
        {
            _backhaulBits[edge] = BackhaulBits(edge) + downloadBits;
        }
    }

    /// <summary>Counts <paramref name="bits"/> sent over the backhaul of <paramref name="via"/> and <paramref name="ops"/> operations in the cloud.</summary>
    public void AddCloud(int via, double bits, double ops)
    {
        _backhaulBits[Check(via)] = BackhaulBits(via) + bits;
        CloudOps += ops;
    }

    private int Check(int edge) => (uint)edge < (uint)_edges ? edge : throw new ArgumentOutOfRangeException(nameof(edge), edge, $"edge {edge} of a world of {_edges}");
}
