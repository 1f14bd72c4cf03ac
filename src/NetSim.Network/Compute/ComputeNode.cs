using NetSim.Kernel;
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
    private readonly List<Job> _shared = new();
    private double _busyCoreSeconds;
    private double _lastChange;
    private int _psVersion;
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

            if (Discipline == Discipline.ProcessorSharing)
            {
                foreach (var job in _shared)
                {
                    total += job.Remaining;
                }
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

        if (Discipline == Discipline.ProcessorSharing)
        {
            Advance();
            return Math.Clamp(job.Ops - job.Remaining, 0, job.Ops);
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
        if (Discipline == Discipline.ProcessorSharing)
        {
            job.Started = _sim.Now;
            job.Remaining = job.Ops;
            if (job.Model is { } m && SwitchTime > 0 && m.Index != _lastPsModel)
            {
                job.SwitchSeconds = SwitchTime;
                job.Remaining += SwitchTime * Rate;
                job.Task.ModelWait += SwitchTime;
                _lastPsModel = m.Index;
            }

            job.Core = 0;
            _shared.Add(job);
            job.OnStart?.Invoke(job);
            ReschedulePs();
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
        }
        else if (job.InService)
        {
            job.Version++;
            if (Discipline == Discipline.ProcessorSharing)
            {
                _shared.Remove(job);
                job.Core = -1;
                Length--;
                LengthChanged?.Invoke(this, _sim.Now, Length);
                ReschedulePs();
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

    /// <summary>Integrates busy core-time (and, under sharing, job progress) up to now.</summary>
    private void Advance()
    {
        var now = _sim.Now;
        var dt = now - _lastChange;
        if (dt <= 0)
        {
            return;
        }

        if (Discipline == Discipline.ProcessorSharing)
        {
            var n = _shared.Count;
            if (n > 0)
            {
                var perJob = Rate * Math.Min(1.0, (double)Cores / n);
                foreach (var job in _shared)
                {
                    job.Remaining -= perJob * dt;
                }

                _busyCoreSeconds += Math.Min(n, Cores) * dt;
            }
        }
        else
        {
            _busyCoreSeconds += Busy * dt;
        }

        _lastChange = now;
    }

    private void ReschedulePs()
    {
        Busy = Math.Min(_shared.Count, Cores);
        _psVersion++;
        if (_shared.Count == 0)
        {
            return;
        }

        var perJob = Rate * Math.Min(1.0, (double)Cores / _shared.Count);
        var next = _shared[0];
        foreach (var job in _shared)
        {
            if (job.Remaining < next.Remaining)
            {
                next = job;
            }
        }

        var version = _psVersion;
        _sim.After(Math.Max(0, next.Remaining / perJob), () => PsDone(version));
    }

    private void PsDone(int version)
    {
        if (version != _psVersion)
        {
            return;
        }

        Advance();
        var perJob = Rate * Math.Min(1.0, (double)Cores / _shared.Count);
        var tolerance = perJob * 1e-12 * Math.Max(1.0, _sim.Now);
        var done = new List<Job>();
        var smallest = _shared[0];
        foreach (var job in _shared)
        {
            if (job.Remaining <= tolerance)
            {
                done.Add(job);
            }

            if (job.Remaining < smallest.Remaining)
            {
                smallest = job;
            }
        }

        if (done.Count == 0)
        {
            done.Add(smallest);
        }

        foreach (var job in done)
        {
            _shared.Remove(job);
            job.Core = -1;
            Length--;
            LengthChanged?.Invoke(this, _sim.Now, Length);
        }

        ReschedulePs();
        foreach (var job in done)
        {
            job.OnDone(job);
        }
    }
}
