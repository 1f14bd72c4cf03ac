using NetSim.Network.Scheduling;
using NetSim.Network.Tasks;

namespace NetSim.Policies;

/// <summary>
/// The load that the decisions already taken in the current epoch will add to the world, which the
/// <see cref="Observation"/> cannot show yet (the scheduler applies a batch's assignments after the
/// policy returns): device and server operations, uploads per base station, backhaul bits, and
/// model downloads that will start, and the interference its new uploads will add. <see cref="LeastLatencyPolicy"/> adds it to the observed state
/// so that tasks of one slot do not all count on the same idle server.
/// </summary>
internal sealed class EpochLoad
{
    private readonly Dictionary<int, double> _ueOps = new();
    private readonly double[] _edgeOps;
    private readonly int[] _uploads;
    private readonly double[] _rxAll;
    private readonly double[] _rxOwn;
    private readonly double[] _backhaulBits;
    private readonly HashSet<(int Edge, int Model)> _downloads = new();

    public EpochLoad(int edges)
    {
        _edgeOps = new double[edges];
        _uploads = new int[edges];
        _rxAll = new double[edges];
        _rxOwn = new double[edges];
        _backhaulBits = new double[edges];
    }

    /// <summary>Operations added to the cloud.</summary>
    public double CloudOps { get; private set; }

    public double UeOps(int ue) => _ueOps.GetValueOrDefault(ue);

    public double EdgeOps(int edge) => _edgeOps[edge];

    public int Uploads(int edge) => _uploads[edge];

    /// <summary>Received power at <paramref name="edge"/> of the epoch's new uploads to other stations, watts.</summary>
    public double Interference(int edge) => Math.Max(0, _rxAll[edge] - _rxOwn[edge]);

    public double BackhaulBits(int edge) => _backhaulBits[edge];

    public bool Downloads(int edge, AigcModel model) => _downloads.Contains((edge, model.Index));

    public void AddLocal(int ue, double ops) => _ueOps[ue] = UeOps(ue) + ops;

    /// <summary>An upload of <paramref name="ue"/> to <paramref name="station"/> will start: counts its share of the band and its power at every station.</summary>
    public void AddUpload(Observation observation, int ue, int station)
    {
        _uploads[station]++;
        var power = observation.UeTxPower(ue);
        for (var m = 0; m < _rxAll.Length; m++)
        {
            _rxAll[m] += power * observation.Gain(ue, m);
        }

        _rxOwn[station] += power * observation.Gain(ue, station);
    }

    public void AddEdge(int edge, double ops, double downloadBits, AigcModel model)
    {
        _edgeOps[edge] += ops;
        if (downloadBits > 0 && _downloads.Add((edge, model.Index)))
        {
            _backhaulBits[edge] += downloadBits;
        }
    }

    public void AddCloud(int via, double bits, double ops)
    {
        _backhaulBits[via] += bits;
        CloudOps += ops;
    }
}
