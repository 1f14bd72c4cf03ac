using NetSim.Network.Compute;
using NetSim.Network.Mobility;
using NetSim.Network.Radio;
using NetSim.Network.Recording;
using NetSim.Network.Tasks;

namespace NetSim.Network;

/// <summary>
/// Moving UEs, association, handover, coverage and relays between stations (docs/models.md,
/// Mobility). A world where no UE moves takes none of these steps: no event, no draw, no relay.
/// <para>
/// Positions: every <c>update</c> seconds (at whole multiples of it) each moving UE is placed where
/// its trajectory has it, and its gains are recomputed; a UE is also placed at the exact moment one
/// of its uploads is granted and when a task of it is decided. Between placements its uploads keep
/// the rate of the last placement (a left-point rule in time).
/// </para>
/// <para>
/// A recorder that keeps task detail is given each moving UE's path as its corners
/// (<see cref="PositionRecord"/>): where it stands at time 0, the start of every leg of its
/// trajectory, every update at which its serving station changed, and where it stands when the
/// run ends; between two of them it moved in a straight line at constant speed, so the path drawn
/// through them is exact.
/// </para>
/// <para>
/// Association: at each update the candidate is the nearest station covering the UE (moving UEs
/// have no shadowing, so it is also the strongest). Rule nearest hands over to it as soon as it is
/// nearer than the serving station; rule strongest once its path gain exceeds the serving
/// station's by the hysteresis (dB). Either only after the condition has held at every update for
/// the time to trigger. A UE whose serving station no longer covers it is handed over at once to
/// the candidate (reason <c>coverage</c>); with none, its uploads in progress fail. An upload to
/// a station other than the serving one fails at the first update that finds the UE out of that
/// station's coverage.
/// </para>
/// <para>
/// Handover: every upload of the UE to another station stops (its energy so far kept) and, after
/// the interruption, is granted at the new station with the bits it had left (or all of them, with
/// restart). An upload that ends at a station other than its edge target is relayed there over
/// that station's backhaul (queued on the link, then its propagation delay); so is a result whose
/// UE has been handed over since its upload started, from the station where it was computed (or
/// that brought it back from the cloud) to the UE's serving station, before the downlink. The time
/// spent in relays is the task's <c>relay</c>.
/// </para>
/// </summary>
public sealed partial class World
{
    private const double TickSlack = 1e-9;
    private MobilitySettings _mobility = MobilitySettings.Static;
    private Trajectory?[]? _paths;
    private int[] _moving = [];
    private int[] _serving = [];
    private int[] _pendingTo = [];
    private double[] _pendingSince = [];
    private double[] _placedAt = [];
    private int[] _handoversOf = [];
    private PositionRecord[]? _lastRow;
    private long _tickIndex;
    private readonly int[] _oneUe = new int[1];
    private Action? _tick;
    private Action<int>? _place;
    private Action<object?>? _resume;
    private Action<Job>? _relayHop;
    private Action<object?>? _relayArrived;
    private Action<object?>? _startResultRelay;

    /// <summary>Whether some UE moves in this world.</summary>
    public bool Mobile => _paths is not null;

    /// <summary>Handovers so far, over all UEs.</summary>
    public long Handovers { get; private set; }

    /// <summary>How UEs move and hand over.</summary>
    internal MobilitySettings MobilitySettings => _mobility;

    /// <summary>The station serving <paramref name="ue"/> (-1: none covers it); in a world where no UE moves, -1.</summary>
    internal int ServingOf(int ue) => _paths is null ? -1 : _serving[ue];

    /// <summary>Where <paramref name="ue"/> is at this moment (exact, between placements too).</summary>
    internal Geometry.Point PositionNow(int ue) => _paths?[ue] is { } path ? path.At(Simulation.Now) : Ues[ue].Position;

    /// <summary>The velocity of <paramref name="ue"/> now, metres per second (0 for a UE that stands still).</summary>
    internal (double Vx, double Vy) VelocityNow(int ue) => _paths?[ue] is { } path ? path.VelocityAt(Simulation.Now) : (0, 0);

    /// <summary>
    /// Whether station <paramref name="bs"/> covers <paramref name="ue"/> where it stands now: within
    /// the coverage radius, and with a signal-to-noise ratio at the mean path gain of the UE's last
    /// placement (a moving UE is placed at every update, decision and grant) of at least the least one.
    /// </summary>
    internal bool Covers(int bs, int ue) => CoversAt(bs, ue, PositionNow(ue), Channel.Gain(ue, bs));

    /// <summary>Whether station <paramref name="bs"/> would cover <paramref name="ue"/> standing at <paramref name="at"/> with path gain <paramref name="gain"/> to it.</summary>
    private bool CoversAt(int bs, int ue, Geometry.Point at, double gain) =>
        (double.IsPositiveInfinity(_admission.CoverageM) || at.DistanceTo(Edges[bs].Position) <= _admission.CoverageM)
        && (double.IsNegativeInfinity(_admission.CoverageSnrDb) || 10 * Math.Log10(Ues[ue].TxPowerW * gain / Channel.NoiseW) >= _admission.CoverageSnrDb);

    /// <summary>Sets the UEs moving (before the run starts); nothing happens when no UE gets a trajectory or there is no station.</summary>
    internal void EnableMobility(MobilitySettings settings, Func<int, Random> stream)
    {
        if (!settings.Enabled)
        {
            return;
        }

        var paths = new Trajectory?[Ues.Length];
        var moving = new List<int>();
        for (var n = 0; n < Ues.Length; n++)
        {
            paths[n] = settings.Trajectory!(n, Ues[n].Position, stream(n));
            if (paths[n] is not null)
            {
                moving.Add(n);
            }
        }

        if (moving.Count == 0)
        {
            return;
        }

        _mobility = settings;
        _paths = paths;
        _moving = [.. moving];
        _serving = new int[Ues.Length];
        _pendingTo = new int[Ues.Length];
        _pendingSince = new double[Ues.Length];
        _placedAt = new double[Ues.Length];
        _handoversOf = new int[Ues.Length];
        Array.Fill(_pendingTo, -1);
        Array.Fill(_placedAt, double.NaN);
        _place = Place;
        _tick = Tick;
        _resume = o => Resume((SimTask)o!);
        _relayHop = RelayHop;
        _relayArrived = o => RelayArrived((SimTask)o!);
        _startResultRelay = o => StartResultRelay((SimTask)o!);
        Channel.Relocate(_moving, _place);
        for (var n = 0; n < Ues.Length; n++)
        {
            _serving[n] = Candidate(n);
        }

        if (_recorder.Level != TraceLevel.Summary)
        {
            _lastRow = new PositionRecord[Ues.Length];
            Array.Fill(_lastRow, new PositionRecord(double.NaN, -1, double.NaN, double.NaN, -1));
            foreach (var n in _moving)
            {
                var ue = n;
                _paths[n]!.LegStarted = leg => RecordPosition(ue, leg.Start, leg.From);
                RecordPosition(n, 0, Ues[n].Position);
            }
        }

        Simulation.After(settings.Update, _tick);
    }

    /// <summary>Places a moving UE where its trajectory has it now, unless it already is (no-op for a UE that stands still).</summary>
    private void Refresh(int ue)
    {
        if (_paths?[ue] is not null && _placedAt[ue] != Simulation.Now)
        {
            _oneUe[0] = ue;
            Channel.Relocate(_oneUe, _place!);
        }
    }

    private void Place(int ue)
    {
        var at = _paths![ue]!.At(Simulation.Now);
        Ues[ue].Position = at;
        Channel.Gains.Move(ue, at);
        _placedAt[ue] = Simulation.Now;
    }

    private void Tick()
    {
        _tickIndex++;
        Channel.Relocate(_moving, _place!);
        foreach (var n in _moving)
        {
            var serving = _serving[n];
            Associate(n);
            if (_serving[n] != serving && _lastRow is not null)
            {
                RecordPosition(n, Simulation.Now, Ues[n].Position);
            }
        }

        if (_admission.LimitsCoverage)
        {
            FailUploadsOutOfCoverage();
        }

        Simulation.After(((_tickIndex + 1) * _mobility.Update) - Simulation.Now, _tick!);
    }

    /// <summary>Records where each moving UE stands at the end of the run (the last corner of its path); call once, at the end.</summary>
    private void RecordFinalPositions()
    {
        if (_lastRow is null)
        {
            return;
        }

        foreach (var n in _moving)
        {
            RecordPosition(n, Simulation.Now, PositionNow(n));
        }
    }

    /// <summary>Passes a corner of <paramref name="ue"/>'s path to the recorder with its serving station now, unless it repeats the last one.</summary>
    private void RecordPosition(int ue, double time, Geometry.Point at)
    {
        var row = new PositionRecord(time, ue, at.X, at.Y, _serving[ue]);
        if (row != _lastRow![ue])
        {
            _lastRow[ue] = row;
            _recorder.OnPosition(row);
        }
    }

    /// <summary>The nearest station covering <paramref name="ue"/>, or -1.</summary>
    private int Candidate(int ue)
    {
        var nearest = StationGrid.Nearest(Ues[ue].Position);
        return nearest >= 0 && Covers(nearest, ue) ? nearest : -1;
    }

    private void Associate(int n)
    {
        var serving = _serving[n];
        var candidate = Candidate(n);
        if (serving < 0 || !Covers(serving, n))
        {
            _pendingTo[n] = -1;
            if (candidate >= 0 && serving >= 0)
            {
                Handover(n, candidate, "coverage");
            }
            else if (candidate >= 0)
            {
                _serving[n] = candidate;
            }
            else
            {
                _serving[n] = -1;
                FailUploads(n);
            }

            return;
        }

        if (candidate < 0 || candidate == serving || !Better(n, candidate, serving))
        {
            _pendingTo[n] = -1;
            return;
        }

        if (_pendingTo[n] != candidate)
        {
            _pendingTo[n] = candidate;
            _pendingSince[n] = Simulation.Now;
        }

        if (Simulation.Now - _pendingSince[n] >= _mobility.TimeToTrigger - TickSlack)
        {
            Handover(n, candidate, _mobility.Rule == AssociationRule.Nearest ? "nearest" : "strongest");
        }
    }

    private bool Better(int n, int candidate, int serving) =>
        BetterAt(Ues[n].Position, candidate, serving, Channel.Gain(n, candidate), Channel.Gain(n, serving));

    /// <summary>The handover condition of the association rule for a UE at <paramref name="at"/> with the given path gains.</summary>
    private bool BetterAt(Geometry.Point at, int candidate, int serving, double candidateGain, double servingGain) =>
        _mobility.Rule == AssociationRule.Nearest
            ? at.DistanceTo(Edges[candidate].Position) < at.DistanceTo(Edges[serving].Position)
            : 10 * Math.Log10(candidateGain / servingGain) > _mobility.HysteresisDb;

    private void Handover(int n, int to, string reason)
    {
        var from = _serving[n];
        _serving[n] = to;
        _pendingTo[n] = -1;
        Handovers++;
        _handoversOf[n]++;
        var moved = 0;
        foreach (var (task, rt) in UploadsOf(n))
        {
            if (task.Via != to)
            {
                MoveUpload(task, rt, to);
                moved++;
            }
        }

        if (_recorder.Level != TraceLevel.Summary)
        {
            _recorder.OnHandover(new HandoverRecord(Simulation.Now, n, from, to, reason, moved));
        }
    }

    /// <summary>The tasks of <paramref name="ue"/> with an upload waiting, in progress or interrupted, in task order.</summary>
    private List<(SimTask Task, TaskRuntime Rt)> UploadsOf(int ue)
    {
        var list = new List<(SimTask, TaskRuntime)>();
        foreach (var (id, rt) in _runtime)
        {
            if ((rt.Upload?.Ue == ue || (rt.Resuming && _live[id].Ue == ue)) && !_live[id].IsFinished)
            {
                list.Add((_live[id], rt));
            }
        }

        list.Sort((a, b) => a.Item1.Id.CompareTo(b.Item1.Id));
        return list;
    }

    /// <summary>Stops the task's upload where it is and resumes it at <paramref name="to"/> after the interruption.</summary>
    private void MoveUpload(SimTask task, TaskRuntime rt, int to)
    {
        task.Via = to;
        if (rt.Resuming)
        {
            return;
        }

        var upload = rt.Upload!;
        var left = upload.Bits;
        if (rt.Granted)
        {
            left = Channel.Remaining(upload);
            Channel.Cancel(upload);
            task.EnergyJ += Channel.EnergyJ(upload);
            rt.Granted = false;
            _uplinkMeters?[upload.Bs].Left(Simulation.Now, inService: true);
            ReleaseGrant(upload.Bs);
        }
        else
        {
            LeaveGrantQueue(task, rt);
        }

        rt.Upload = null;
        rt.Resuming = true;
        rt.ResumeBits = _mobility.Restart ? upload.InputBits : left;
        rt.InputBits = upload.InputBits;
        Simulation.After(_mobility.Interruption, _resume!, task);
    }

    private void Resume(SimTask task)
    {
        if (task.IsFinished || !_runtime.TryGetValue(task.Id, out var rt) || !rt.Resuming)
        {
            return;
        }

        rt.Resuming = false;
        var upload = new Upload(task, task.Ue, task.Via, rt.ResumeBits, task.BandwidthShare, _uploaded) { InputBits = rt.InputBits };
        rt.Upload = upload;
        RequestGrant(task, rt, upload);
    }

    /// <summary>The UE is covered by no station: every upload of it fails and its task is dropped.</summary>
    private void FailUploads(int n)
    {
        foreach (var (task, _) in UploadsOf(n))
        {
            task.Rejected = RejectReason.CoverageLost;
            Drop(task);
        }
    }

    /// <summary>
    /// Drops, with <see cref="RejectReason.CoverageLost"/>, every task of a moving UE whose upload
    /// (granted or waiting for a grant) goes to a station that no longer covers the UE; the serving
    /// station covers it (else its uploads failed or moved in the association), so these are
    /// uploads to another station, which a handover does not touch. One pass over the live tasks
    /// per update, only where coverage is limited.
    /// </summary>
    private void FailUploadsOutOfCoverage()
    {
        List<SimTask>? lost = null;
        foreach (var (id, rt) in _runtime)
        {
            var task = _live[id];
            if (rt.Upload is { } upload && !task.IsFinished && _paths![upload.Ue] is not null && upload.Bs != _serving[upload.Ue] && !Covers(upload.Bs, upload.Ue))
            {
                (lost ??= []).Add(task);
            }
        }

        foreach (var task in lost?.OrderBy(t => t.Id) ?? Enumerable.Empty<SimTask>())
        {
            task.Rejected = RejectReason.CoverageLost;
            Drop(task);
        }
    }
}
