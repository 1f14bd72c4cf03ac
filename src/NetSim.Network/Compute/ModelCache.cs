using NetSim.Kernel;
using NetSim.Network.Recording;
using NetSim.Network.Tasks;

namespace NetSim.Network.Compute;

/// <summary>
/// The AIGC models held by one edge server. A task acquires its model before it may queue for
/// compute: a cached model is ready at once; on a miss the model is downloaded from the cloud over
/// the edge's backhaul (one download per model; later requests wait for the same one). Acquired
/// models are pinned until released. When a download lands and the cache is full, unpinned models
/// are evicted least recently used first; if pinned models leave no room the cache holds more than
/// its capacity until enough pins are released, and evicts then.
/// <para>
/// A download's energy is the download power times its transmission time on the backhaul (size
/// over rate; Wang, Li and Wang, eq. 8), charged to the task whose request started it (their
/// eq. 12): in full when the transmission ends, or, if that task is dropped or the run ends first,
/// the part transmitted until then (<see cref="Job.JoulesPerOp"/> of the download job); what is
/// transmitted after that task was dropped is charged to no task.
/// </para>
/// </summary>
internal sealed class ModelCache
{
    private readonly Simulation _sim;
    private readonly ComputeNode _backhaul;
    private readonly double _delay;
    private readonly double _downloadPowerW;
    private readonly Dictionary<int, Entry> _entries = new();
    private readonly LinkedList<Entry> _lru = new();
    private double _usedBits;

    /// <param name="sim">The simulation.</param>
    /// <param name="edge">Edge index.</param>
    /// <param name="capacityBits">Capacity, bits.</param>
    /// <param name="backhaul">The edge's backhaul, which carries downloads.</param>
    /// <param name="backhaulDelay">Propagation delay of the backhaul, seconds.</param>
    /// <param name="downloadPowerW">Power of a download while it is transmitted, watts (p_c^n of Wang, Li and Wang).</param>
    public ModelCache(Simulation sim, int edge, double capacityBits, ComputeNode backhaul, double backhaulDelay, double downloadPowerW)
    {
        _downloadPowerW = downloadPowerW;
        _sim = sim;
        Edge = edge;
        CapacityBits = capacityBits;
        _backhaul = backhaul;
        _delay = backhaulDelay;
    }

    /// <summary>Edge index.</summary>
    public int Edge { get; }

    /// <summary>Capacity in bits.</summary>
    public double CapacityBits { get; }

    /// <summary>Bits held by ready models.</summary>
    public double UsedBits => _usedBits;

    /// <summary>Downloads started so far.</summary>
    public int Downloads { get; private set; }

    /// <summary>Raised when a download lands.</summary>
    public event Action<DownloadRecord>? Downloaded;

    /// <summary>True when the model is in the cache and ready.</summary>
    public bool IsReady(AigcModel model) => _entries.TryGetValue(model.Index, out var e) && e.Ready;

    /// <summary>True while the model is being downloaded.</summary>
    public bool IsDownloading(AigcModel model) => _entries.TryGetValue(model.Index, out var e) && !e.Ready;

    /// <summary>Puts a model in the cache at the start of the run, without a download.</summary>
    public void Preload(AigcModel model)
    {
        if (_entries.ContainsKey(model.Index))
        {
            return;
        }

        var entry = new Entry(model) { Ready = true };
        _entries.Add(model.Index, entry);
        entry.LruNode = _lru.AddLast(entry);
        _usedBits += model.SizeBits;
        EvictToFit(0);
    }

    /// <summary>
    /// Pins <paramref name="model"/> for <paramref name="task"/> and calls <paramref name="onReady"/>
    /// with the task when it is ready (at once when cached). Returns false, pinning nothing, when
    /// the model is missing and <paramref name="allowDownload"/> is false. <paramref name="download"/>
    /// is the backhaul job of the download this request started, or null when it started none.
    /// </summary>
    public bool Acquire(SimTask task, AigcModel model, bool allowDownload, Action<SimTask> onReady, out Job? download)
    {
        download = null;
        if (_entries.TryGetValue(model.Index, out var entry))
        {
            entry.Pins++;
            if (entry.Ready)
            {
                Touch(entry);
                onReady(task);
            }
            else
            {
                entry.Waiters.Add((onReady, task));
            }

            return true;
        }

        if (!allowDownload)
        {
            return false;
        }

        entry = new Entry(model) { Pins = 1 };
        entry.Waiters.Add((onReady, task));
        _entries.Add(model.Index, entry);
        Downloads++;
        var requested = _sim.Now;
        var job = new Job(task, model.SizeBits, null, j => Transmitted(j, entry, requested))
        {
            JoulesPerOp = _downloadPowerW / _backhaul.Rate,
        };
        download = job;
        _backhaul.Enqueue(job);
        return true;
    }

    /// <summary>Releases one pin taken by <see cref="Acquire"/>.</summary>
    public void Release(AigcModel model)
    {
        if (!_entries.TryGetValue(model.Index, out var entry) || entry.Pins == 0)
        {
            throw new InvalidOperationException($"edge:{Edge}: model {model.Name} released without a pin");
        }

        entry.Pins--;
        if (_usedBits > CapacityBits)
        {
            EvictToFit(0);
        }
    }

    private void Transmitted(Job job, Entry entry, double requested)
    {
        if (!job.Task.IsFinished)
        {
            job.Task.EnergyJ += job.JoulesPerOp * job.Ops;
        }

        _sim.After(_delay, () => Landed(entry, requested, job.Started));
    }

    private void Landed(Entry entry, double requested, double started)
    {
        var evicted = EvictToFit(entry.Model.SizeBits);
        entry.Ready = true;
        entry.LruNode = _lru.AddLast(entry);
        _usedBits += entry.Model.SizeBits;
        Downloaded?.Invoke(new DownloadRecord(Edge, entry.Model.Name, requested, started, _sim.Now, entry.Model.SizeBits, evicted));
        var waiters = entry.Waiters.ToArray();
        entry.Waiters.Clear();
        foreach (var (callback, task) in waiters)
        {
            callback(task);
        }
    }

    /// <summary>Evicts unpinned models, least recently used first, until <paramref name="incoming"/> more bits fit.</summary>
    private string? EvictToFit(double incoming)
    {
        List<string>? evicted = null;
        var node = _lru.First;
        while (node is not null && _usedBits + incoming > CapacityBits)
        {
            var next = node.Next;
            var entry = node.Value;
            if (entry.Pins == 0)
            {
                _lru.Remove(node);
                _entries.Remove(entry.Model.Index);
                _usedBits -= entry.Model.SizeBits;
                (evicted ??= new List<string>()).Add(entry.Model.Name);
            }

            node = next;
        }

        return evicted is null ? null : string.Join(',', evicted);
    }

    private void Touch(Entry entry)
    {
        if (entry.LruNode is { } node)
        {
            _lru.Remove(node);
            _lru.AddLast(node);
        }
    }

    private sealed class Entry(AigcModel model)
    {
        public AigcModel Model { get; } = model;

        public bool Ready { get; set; }

        public int Pins { get; set; }

        public List<(Action<SimTask> Callback, SimTask Task)> Waiters { get; } = new();

        public LinkedListNode<Entry>? LruNode { get; set; }
    }
}
