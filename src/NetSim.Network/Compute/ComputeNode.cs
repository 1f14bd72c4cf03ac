using NetSim.Kernel;
using NetSim.Kernel.Resources;
using NetSim.Kernel.Statistics;
using NetSim.Network.Tasks;

namespace NetSim.Network.Compute;

/// <summary>
/// A node that does work at a fixed rate per core: a device processor, an edge or cloud server,
/// or (with bits as work and bits per second as rate) a FIFO link. Jobs are served FIFO on
/// <see cref="Cores"/> cores or by processor sharing. A FIFO core that starts a job for a different
/// model than the one it has loaded is charged <see cref="SwitchTime"/> first (under processor
/// sharing, a job for a different model than the server's last one). A core holds no model at
/// time 0 unless <see cref="LoadAtStart"/> gives it one, so its first job is charged the switch
/// of loading its model; a model it holds is never charged again until it loads another.
/// Processor sharing is the kernel's <see cref="ProcessorSharingServer{TJob}"/>: an arrival or a
/// departure costs O(log jobs held), the backlog O(1).
/// </summary>
internal sealed class ComputeNode
{
    private static readonly Action<object?> FifoDoneCallback = static state =>
    {
        var job = (Job)state!;
        job.Node!.FifoDone(job);
    };

    private readonly Simulation _sim;
    private readonly LinkedList<Job> _waiting = new();
    private readonly Job?[] _coreJob;
    private readonly int[] _loadedModel;
    private readonly ProcessorSharingServer<Job>? _shared;
    private double _busyCoreSeconds;
    private double _lastChange;
    private int _lastPsModel = -1;

    public ComputeNode(Simulation sim, string name, double rate, int cores, Discipline discipline, double switchTime)
    {
        if (!(rate > 0) || double.IsInfinity(rate))
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, $"{name}: rate must be positive and finite");
        }

        if (cores < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(cores), cores, $"{name}: cores must be at least 1");
        }

        _sim = sim;
        Name = name;
        Rate = rate;
        Cores = cores;
        Discipline = discipline;
        SwitchTime = switchTime;
        _coreJob = new Job?[cores];
        _loadedModel = new int[cores];
        Array.Fill(_loadedModel, -1);
        if (discipline == Discipline.ProcessorSharing)
        {
            _shared = new ProcessorSharingServer<Job>(sim, rate, cores, PsDone, PsDeparted, name);
        }
    }

    /// <summary>Trace name, for example <c>edge:0</c>.</summary>
    public string Name { get; }

    /// <summary>Operations per second of one core.</summary>
    public double Rate { get; }

    /// <summary>Number of cores.</summary>
    public int Cores { get; }

    /// <summary>Service discipline.</summary>
    public Discipline Discipline { get; }

    /// <summary>Seconds charged when a core changes the model it has loaded.</summary>
    public double SwitchTime { get; }

    /// <summary>Jobs waiting or in service.</summary>
    public int Length { get; private set; }

    /// <summary>The meter of this node's queue over the measured interval, or null when it is not measured (a UE's processor).</summary>
    public QueueMeter? Meter { get; set; }

    /// <summary>Jobs in service.</summary>
    public int Busy { get; private set; }

    /// <summary>Operations still to do over all held jobs (the backlog a policy may estimate with).</summary>
    public double BacklogOps
    {
        get
        {
            Advance();
            double total = 0;
            foreach (var job in _waiting)
            {
                total += job.Ops;
            }

            if (_shared is not null)
            {
                total += _shared.Backlog;
            }
            else
            {
                foreach (var job in _coreJob)
                {
                    if (job is not null)
                    {
                        total += job.Ops * Math.Max(0, 1 - ((_sim.Now - job.Started - job.SwitchSeconds) * Rate / job.Ops));
                    }
                }
            }

            return total;
        }
    }

    /// <summary>
    /// Operations (bits for a link) of <paramref name="job"/> done so far while it is in service,
    /// not counting a model switch; 0 for a job waiting or no longer held.
    /// </summary>
    public double DoneOps(Job job)
    {
        if (job.Node != this || !job.InService)
        {
            return 0;
        }

        if (_shared is not null)
        {
            return Math.Clamp(job.Ops - _shared.Remaining(job), 0, job.Ops);
        }

        return Math.Clamp((_sim.Now - job.Started - job.SwitchSeconds) * Rate, 0, job.Ops);
    }

    /// <summary>Core-seconds spent serving, up to now.</summary>
    public double BusyCoreSeconds
    {
        get
        {
            Advance();
            return _busyCoreSeconds;
        }
    }

    /// <summary>Raised after every change of <see cref="Length"/> with (node, time, length).</summary>
    public event Action<ComputeNode, double, int>? LengthChanged;

    /// <summary>
    /// The models loaded at time 0, for a server whose cache is preloaded: core c holds
    /// <c>models[c mod models.Count]</c> (so with one preloaded model every core holds it); under
    /// processor sharing the server holds <c>models[0]</c>. Call before the run starts.
    /// </summary>
    public void LoadAtStart(IReadOnlyList<AigcModel> models)
    {
        if (models.Count == 0)
        {
            return;
        }

        for (var core = 0; core < Cores; core++)
        {
            _loadedModel[core] = models[core % models.Count].Index;
        }

        _lastPsModel = models[0].Index;
    }

    /// <summary>Adds a job; it starts at once if a core is free.</summary>
    public void Enqueue(Job job)
    {
        Advance();
        job.Entered = _sim.Now;
        job.Node = this;
        Length++;
        LengthChanged?.Invoke(this, _sim.Now, Length);
        Meter?.Arrived(_sim.Now);
        if (_shared is not null)
        {
            Meter?.Started(_sim.Now, _sim.Now);
            job.Started = _sim.Now;
            var work = job.Ops;
            if (job.Model is { } m && SwitchTime > 0 && m.Index != _lastPsModel)
            {
                job.SwitchSeconds = SwitchTime;
                work += SwitchTime * Rate;
                job.Task.ModelWait += SwitchTime;
                _lastPsModel = m.Index;
            }

            job.Core = 0;
            job.OnStart?.Invoke(job);
            _shared.Add(job, work);
            Busy = Math.Min(Length, Cores);
            return;
        }

        var core = Array.IndexOf(_coreJob, null);
        if (core >= 0)
        {
            Start(job, core);
        }
        else
        {
            job.WaitingNode = _waiting.AddLast(job);
        }
    }

    /// <summary>Removes a job that is waiting or in service (a drop); its completion never fires.</summary>
    public void Remove(Job job)
    {
        Advance();
        if (job.WaitingNode is { } node)
        {
            _waiting.Remove(node);
            job.WaitingNode = null;
            Meter?.Left(_sim.Now, inService: false);
        }
        else if (job.InService)
        {
            job.Version++;
            Meter?.Left(_sim.Now, inService: true);
            if (_shared is not null)
            {
                _shared.Remove(job);
                job.Core = -1;
                Length--;
                Busy = Math.Min(Length, Cores);
                LengthChanged?.Invoke(this, _sim.Now, Length);
                return;
            }

            FreeCore(job);
        }
        else
        {
            return;
        }

        Length--;
        LengthChanged?.Invoke(this, _sim.Now, Length);
        if (Discipline == Discipline.Fifo)
        {
            StartWaiting();
        }
    }

    private void Start(Job job, int core)
    {
        job.Core = core;
        job.Started = _sim.Now;
        Meter?.Started(_sim.Now, job.Entered);
        _coreJob[core] = job;
        Busy++;
        var time = job.Ops / Rate;
        if (job.Model is { } model && SwitchTime > 0 && _loadedModel[core] != model.Index)
        {
            job.SwitchSeconds = SwitchTime;
            job.Task.ModelWait += SwitchTime;
            time += SwitchTime;
        }

        if (job.Model is { } loaded)
        {
            _loadedModel[core] = loaded.Index;
        }

        job.OnStart?.Invoke(job);
        job.ScheduledVersion = job.Version;
        _sim.After(time, FifoDoneCallback, job);
    }

    private void FifoDone(Job job)
    {
        if (job.Version != job.ScheduledVersion)
        {
            return;
        }

        Advance();
        FreeCore(job);
        Length--;
        Meter?.Departed(_sim.Now, job.Entered);
        LengthChanged?.Invoke(this, _sim.Now, Length);
        job.OnDone(job);
        StartWaiting();
    }

    private void FreeCore(Job job)
    {
        _coreJob[job.Core] = null;
        job.Core = -1;
        Busy--;
    }

    private void StartWaiting()
    {
        while (_waiting.First is { } first)
        {
            var core = Array.IndexOf(_coreJob, null);
            if (core < 0)
            {
                return;
            }

            _waiting.RemoveFirst();
            first.Value.WaitingNode = null;
            Start(first.Value, core);
        }
    }

    /// <summary>Integrates busy core-time up to now (under sharing every held job is in service: <see cref="Busy"/> is min(jobs, cores)).</summary>
    private void Advance()
    {
        var now = _sim.Now;
        var dt = now - _lastChange;
        if (dt <= 0)
        {
            return;
        }

        _busyCoreSeconds += Busy * dt;
        _lastChange = now;
    }

    /// <summary>Processor sharing: a finished job leaves (all of one instant's leave before any completion runs).</summary>
    private void PsDeparted(Job job)
    {
        Advance();
        job.Core = -1;
        Length--;
        Meter?.Departed(_sim.Now, job.Entered);
        Busy = Math.Min(Length, Cores);
        LengthChanged?.Invoke(this, _sim.Now, Length);
    }

    private static void PsDone(Job job) => job.OnDone(job);
}
