using NetSim.Kernel;
using NetSim.Network.Compute;
using NetSim.Network.Nodes;
using NetSim.Network.Radio;
using NetSim.Network.Recording;
using NetSim.Network.Scheduling;
using NetSim.Network.Tasks;

namespace NetSim.Network;

/// <summary>
/// The modelled world of one run: UEs, base stations with MEC servers, the cloud, the uplink and
/// the backhauls, driven by one <see cref="Kernel.Simulation"/>. Built by
/// <see cref="Building.WorldBuilder"/>; run with <see cref="RunUntil"/>.
/// </summary>
public sealed partial class World
{
    private readonly IRunRecorder _recorder;
    private readonly Dictionary<long, SimTask> _live = new();
    private readonly Dictionary<long, TaskRuntime> _runtime = new();

    // The steps of a task's flow, as delegates made once per world rather than a closure per task.
    private readonly Action<Job> _localDone;
    private readonly Action<Upload> _uploaded;
    private readonly Action<SimTask> _modelReady;
    private readonly Action<object?> _atCloud;
    private readonly Action<Job> _backhaulDone;
    private readonly Action<Job> _remoteDone;
    private readonly Action<object?> _returned;
    private readonly Action<object?> _deadline;

    internal World(
        Simulation simulation,
        UserEquipment[] ues,
        EdgeSite[] edges,
        CloudSite? cloud,
        UplinkChannel channel,
        Geometry.UniformGrid stationGrid,
        IReadOnlyList<AigcModel> models,
        WorldOptions options,
        IRunRecorder recorder,
        int maxGrants,
        Admission admission)
    {
        Simulation = simulation;
        Ues = ues;
        Edges = edges;
        Cloud = cloud;
        Channel = channel;
        StationGrid = stationGrid;
        Models = models;
        Options = options;
        _recorder = recorder;
        _maxGrants = maxGrants;
        _admission = admission;
        _granted = new int[edges.Length];
        _grantQueue = new LinkedList<Upload>[edges.Length];
        _held = new int[edges.Length];
        _transitOps = new double[edges.Length];
        Observation = new Observation(this);
        _localDone = LocalDone;
        _uploaded = u => Uploaded(u.Task, u);
        _modelReady = t => ModelReady(t, Edges[t.TargetIndex]);
        _atCloud = o => AtCloud((SimTask)o!);
        _backhaulDone = j => Simulation.After(Edges[j.Task.Via].BackhaulDelay, _atCloud, j.Task);
        _remoteDone = RemoteDone;
        _returned = o => Returned((SimTask)o!);
        _deadline = o => DeadlinePassed((SimTask)o!);
        if (recorder.Level == TraceLevel.Full)
        {
            foreach (var node in AllNodes())
            {
                node.LengthChanged += (n, t, length) => _recorder.OnQueueSample(new QueueSample(n.Name, t, length));
            }

            foreach (var edge in edges)
            {
                edge.Cache.Downloaded += d => _recorder.OnDownload(d);
            }
        }
    }

    /// <summary>Where every user equipment and base station stands (and the cloud, without a place), in that order.</summary>
    public IReadOnlyList<NodePlace> Places()
    {
        var places = new List<NodePlace>(Ues.Length + Edges.Length + 1);
        places.AddRange(Ues.Select(u => new NodePlace(u.Processor.Name, "ue", u.Position.X, u.Position.Y)));
        places.AddRange(Edges.Select(e => new NodePlace(e.Server.Name, "station", e.Position.X, e.Position.Y)));
        if (Cloud is not null)
        {
            places.Add(new NodePlace(Cloud.Server.Name, "cloud", double.NaN, double.NaN));
        }

        return places;
    }

    /// <summary>The simulation that drives this world.</summary>
    public Simulation Simulation { get; }

    /// <summary>The policy's window on the world.</summary>
    public Observation Observation { get; }

    /// <summary>Tasks created so far.</summary>
    public long Created { get; private set; }

    /// <summary>Tasks completed so far.</summary>
    public long CompletedCount { get; private set; }

    /// <summary>Tasks dropped so far.</summary>
    public long Dropped { get; private set; }

    /// <summary>Tasks admission control refused so far (whatever their fallback made of them).</summary>
    public long Rejected { get; private set; }

    /// <summary>Tasks alive (created, not yet completed or dropped).</summary>
    public int Alive => _live.Count;

    /// <summary>Model downloads started so far, over all edges.</summary>
    public int Downloads => Edges.Sum(e => e.Cache.Downloads);

    /// <summary>Raised when a task completes or is dropped.</summary>
    public event Action<SimTask>? TaskFinished;

    internal UserEquipment[] Ues { get; }

    internal EdgeSite[] Edges { get; }

    internal CloudSite? Cloud { get; }

    internal UplinkChannel Channel { get; }

    /// <summary>The base stations' spatial index.</summary>
    internal Geometry.UniformGrid StationGrid { get; }

    internal IReadOnlyList<AigcModel> Models { get; }

    internal WorldOptions Options { get; }

    internal Scheduler? Scheduler { get; set; }

    /// <summary>Every compute node and link, with its trace name.</summary>
    internal IEnumerable<ComputeNode> AllNodes()
    {
        foreach (var ue in Ues)
        {
            yield return ue.Processor;
        }

        foreach (var edge in Edges)
        {
            yield return edge.Server;
            yield return edge.Backhaul;
        }

        if (Cloud is not null)
        {
            yield return Cloud.Server;
        }
    }

    /// <summary>Utilisation of each edge server, backhaul and the cloud, and the mean over UEs, up to now.</summary>
    public IReadOnlyDictionary<string, double> Utilisation()
    {
        var now = Simulation.Now;
        var result = new Dictionary<string, double>();
        if (now <= 0)
        {
            return result;
        }

        foreach (var edge in Edges)
        {
            result[$"utilisation:{edge.Server.Name}"] = edge.Server.BusyCoreSeconds / (edge.Server.Cores * now);
            result[$"utilisation:{edge.Backhaul.Name}"] = edge.Backhaul.BusyCoreSeconds / now;
        }

        if (Cloud is not null)
        {
            result["utilisation:cloud"] = Cloud.Server.BusyCoreSeconds / (Cloud.Server.Cores * now);
        }

        if (Ues.Length > 0)
        {
            result["utilisation:ue_mean"] = Ues.Average(u => u.Processor.BusyCoreSeconds) / now;
        }

        return result;
    }

    /// <summary>Runs until simulated time <paramref name="until"/>; false when <paramref name="cancel"/> stopped it first (checked every <see cref="Kernel.Simulation.CancelCheckEvents"/> events).</summary>
    public bool RunUntil(double until, CancellationToken cancel) => Simulation.Run(until, cancel);

    /// <summary>
    /// Records every task still alive as unfinished, with the energy its work in progress has
    /// consumed up to now, and where each moving UE stands; call once, at the end of the run.
    /// </summary>
    public void FinishRun()
    {
        RecordFinalPositions();
        foreach (var task in _live.Values.OrderBy(t => t.Id))
        {
            var rt = _runtime[task.Id];
            ChargeInProgress(task, rt);
            if (rt.GrantQueued is not null)
            {
                task.GrantWait = Simulation.Now - rt.GrantRequested;
            }

            task.Outcome = TaskOutcome.Unfinished;
            _recorder.OnTask(ToRecord(task, Simulation.Now));
        }

        _live.Clear();
        _runtime.Clear();
    }

    /// <summary>A task was created by a UE: hand it to the scheduler.</summary>
    internal void TaskCreated(SimTask task)
    {
        Created++;
        _live.Add(task.Id, task);
        _runtime.Add(task.Id, new TaskRuntime());
        if (Options.DropAtDeadline && !double.IsPositiveInfinity(task.Deadline))
        {
            Simulation.After(task.Deadline - Simulation.Now, _deadline, task);
        }

        Scheduler!.Submit(task);
    }

    private void DeadlinePassed(SimTask task)
    {
        if (!task.IsFinished)
        {
            Drop(task);
        }
    }

    internal static TaskRecord ToRecord(SimTask t, double now)
    {
        var latency = t.Outcome == TaskOutcome.Completed ? t.Completed - t.Created : double.NaN;
        bool? met = double.IsPositiveInfinity(t.Deadline)
            ? null
            : t.Outcome == TaskOutcome.Completed && t.Completed <= t.Deadline;
        return new TaskRecord(
            t.Id,
            t.Ue,
            t.Model.Name,
            t.SizeBits,
            t.WorkOps,
            t.Created,
            t.Decided,
            t.TargetName,
            t.OffloadRatio,
            t.UploadStart,
            t.UploadEnd,
            t.QueueEnter,
            t.ServiceStart,
            t.ServiceEnd,
            t.ModelWait,
            t.Completed,
            latency,
            double.IsPositiveInfinity(t.Deadline) ? double.NaN : t.Deadline,
            met,
            t.EnergyJ,
            t.Model.Kind == WorkKind.Diffusion ? t.QualityUtility : double.NaN,
            t.Outcome ?? TaskOutcome.Unfinished,
            t.Outcome == TaskOutcome.Completed ? t.Completed : now,
            t.GrantWait,
            t.Rejected,
            t.Relay);
    }
}
