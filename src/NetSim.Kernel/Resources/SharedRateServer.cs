using NetSim.Kernel.Events;

namespace NetSim.Kernel.Resources;

/// <summary>
/// A "fluid" server: every job it holds progresses at once, each at a rate that changes only at
/// events (an arrival, a departure, or a rate the owner sets). Two kinds share this base:
/// <see cref="ProcessorSharingServer{TJob}"/>, where all rates scale together and virtual time
/// makes an arrival or a departure O(log n), and <see cref="VariableRateServer{TJob}"/>, where the
/// owner sets each job's rate. Jobs sit in a 4-ary min-heap by a key from which their finish time
/// follows, so the next completion is the heap's top and is found without a scan.
/// <para>
/// Completions are exact: after every change the next completion is scheduled at its computed
/// time (an absolute time, not a delay added to the clock), and the wake-up of an earlier change
/// is recognised as stale by a version number and ignored. At a wake-up the job it was scheduled
/// for is done by construction (its remaining work is set to 0, never left a rounding error above
/// it), so every wake-up removes at least one job and the clock cannot stick at one instant;
/// other jobs whose remaining work is within <see cref="DoneFraction"/> of their work finish with it.
/// </para>
/// <para>
/// Changes made inside a <see cref="Batch"/> take effect together and schedule the next completion
/// once, when the batch ends; outside a batch each change schedules it. At a completion the server
/// removes each finished job in turn, calling <c>departed</c> (inside a batch, so the owner can set
/// the rates of the jobs that remain), then schedules the next completion, then calls
/// <c>completed</c> for each finished job in the same order (where the owner may add new jobs).
/// </para>
/// </summary>
/// <typeparam name="TJob">The model's job type.</typeparam>
public abstract class SharedRateServer<TJob> : ISharedRateWake
    where TJob : SharedRateJob
{
    /// <summary>Remaining work at or below this fraction of a job's work counts as done.</summary>
    public const double DoneFraction = 1e-12;

    private readonly Action<TJob> _completed;
    private readonly Action<TJob>? _departed;
    private readonly List<TJob> _finished = new();
    private Entry[] _heap = new Entry[16];
    private long _sequence;
    private long _version;
    private int _batchDepth;
    private double _backlog;
    private double _backlogAt;
    private double _totalRate;

    private protected SharedRateServer(Simulation simulation, Action<TJob> completed, Action<TJob>? departed, string name)
    {
        ArgumentNullException.ThrowIfNull(simulation);
        ArgumentNullException.ThrowIfNull(completed);
        Simulation = simulation;
        Name = name;
        _completed = completed;
        _departed = departed;
    }

    /// <summary>The simulation.</summary>
    public Simulation Simulation { get; }

    /// <summary>Name used in messages and diagnostics.</summary>
    public string Name { get; }

    /// <summary>Jobs held.</summary>
    public int Count { get; private set; }

    /// <summary>The sum of the rates of the jobs held, work per second.</summary>
    public double TotalRate => _totalRate;

    /// <summary>Work still to do over all held jobs, now; O(1).</summary>
    public double Backlog => Count == 0 ? 0 : Math.Max(0, _backlog - (_totalRate * (Simulation.Now - _backlogAt)));

    /// <summary>Time of the next completion, or +infinity when no job is held or none progresses.</summary>
    public double NextCompletion => Count == 0 ? double.PositiveInfinity : FinishTime(_heap[0].Job);

    /// <summary>The work <paramref name="job"/> still has to do now (0 once it has left).</summary>
    public double Remaining(TJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.Server == this ? RemainingOf(job) : 0;
    }

    /// <summary>The rate at which <paramref name="job"/> progresses now (0 once it has left).</summary>
    public double RateOf(TJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.Server == this ? CurrentRate(job) : 0;
    }

    /// <summary>
    /// Groups changes made at one instant: the next completion is scheduled once, when the
    /// outermost batch is disposed. Use as <c>using (server.Batch()) { ... }</c>.
    /// </summary>
    public BatchScope Batch()
    {
        _batchDepth++;
        return new BatchScope(this);
    }

    /// <summary>Withdraws a held job (a drop); its completion never comes. Returns the work it had left.</summary>
    /// <exception cref="InvalidOperationException">This server does not hold the job.</exception>
    public double Remove(TJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.Server != this)
        {
            throw new InvalidOperationException($"{Name}: the job to remove is not held by this server");
        }

        Advance();
        var left = RemainingOf(job);
        SettleBacklog();
        Detach(job, left);
        Changed();
        return left;
    }

    void ISharedRateWake.Wake(long version)
    {
        if (version != _version)
        {
            return;
        }

        var finished = _finished;
        finished.Clear();
        _batchDepth++;
        try
        {
            Advance();
            FinishHead(_heap[0].Job);
            var first = true;
            while (Count > 0 && (first || IsDue(_heap[0].Job)))
            {
                first = false;
                var job = _heap[0].Job;
                var left = RemainingOf(job);
                SettleBacklog();
                Detach(job, left);
                finished.Add(job);
                _departed?.Invoke(job);
            }
        }
        finally
        {
            EndBatch();
        }

        for (var i = 0; i < finished.Count; i++)
        {
            _completed(finished[i]);
        }

        finished.Clear();
    }

    string ISharedRateWake.Describe() => $"completion of shared-rate server {Name}";

    /// <summary>Files a new job whose key the caller has set; the caller then sets the total rate.</summary>
    private protected void Attach(TJob job, double work)
    {
        if (job.Server is not null)
        {
            throw new InvalidOperationException($"{Name}: the job is already held by a server");
        }

        SettleBacklog();
        job.Server = this;
        job.Work = work;
        job.Sequence = _sequence++;
        _backlog += work;
        if (Count == _heap.Length)
        {
            Array.Resize(ref _heap, Count * 2);
        }

        job.HeapIndex = Count;
        _heap[Count++] = new Entry(job.Key, job.Sequence, job);
        SiftUp(job.HeapIndex);
    }

    /// <summary>After a change: schedules the next completion unless a batch is open.</summary>
    private protected void Changed()
    {
        if (_batchDepth == 0)
        {
            Reschedule();
        }
    }

    /// <summary>Moves the backlog's account to now at the old total rate, before a rate changes.</summary>
    private protected void SettleBacklog()
    {
        var now = Simulation.Now;
        _backlog = Math.Max(0, _backlog - (_totalRate * (now - _backlogAt)));
        _backlogAt = now;
    }

    /// <summary>Sets the total rate (after <see cref="SettleBacklog"/>).</summary>
    private protected void SetTotalRate(double rate) => _totalRate = Count == 0 ? 0 : rate;

    /// <summary>Restores the heap after the key of <paramref name="job"/> changed.</summary>
    private protected void KeyChanged(TJob job)
    {
        _heap[job.HeapIndex].Key = job.Key;
        if (!SiftUp(job.HeapIndex))
        {
            SiftDown(job.HeapIndex);
        }
    }

    /// <summary>Restores the heap after many keys changed, in O(n).</summary>
    private protected void Reheap()
    {
        for (var i = 0; i < Count; i++)
        {
            _heap[i].Key = _heap[i].Job.Key;
        }

        for (var i = (Count - 2) >> 2; i >= 0; i--)
        {
            SiftDown(i);
        }
    }

    /// <summary>The held job at <paramref name="index"/> (0 to <see cref="Count"/> - 1) of the heap.</summary>
    private protected TJob HeldAt(int index) => _heap[index].Job;

    /// <summary>Work left of a held job, now.</summary>
    private protected abstract double RemainingOf(TJob job);

    /// <summary>Rate of a held job, now.</summary>
    private protected abstract double CurrentRate(TJob job);

    /// <summary>Absolute time at which a held job finishes if nothing changes (+infinity if never).</summary>
    private protected abstract double FinishTime(TJob job);

    /// <summary>At the wake-up scheduled for <paramref name="head"/>: brings the server to now with the head's work exactly done.</summary>
    private protected abstract void FinishHead(TJob head);

    /// <summary>A job has left the heap: the kind's own accounts (weights, total rate) drop it.</summary>
    private protected abstract void Left(TJob job);

    /// <summary>Brings the kind's own clock (virtual time) to now, before the set of jobs changes.</summary>
    private protected virtual void Advance()
    {
    }

    private bool IsDue(TJob job) => FinishTime(job) <= Simulation.Now || RemainingOf(job) <= DoneFraction * job.Work;

    private void Detach(TJob job, double left)
    {
        _backlog -= left;
        var index = job.HeapIndex;
        var last = _heap[--Count].Job;
        _heap[Count] = default;
        if (index != Count)
        {
            _heap[index] = new Entry(last.Key, last.Sequence, last);
            last.HeapIndex = index;
            KeyChanged(last);
        }

        job.HeapIndex = -1;
        job.Server = null;
        Left(job);
        if (Count == 0)
        {
            _backlog = 0;
            _totalRate = 0;
        }
    }

    private void EndBatch()
    {
        if (--_batchDepth == 0)
        {
            Reschedule();
        }
    }

    private void Reschedule()
    {
        _version++;
        if (Count == 0)
        {
            return;
        }

        var time = FinishTime(_heap[0].Job);
        if (double.IsPositiveInfinity(time))
        {
            return;
        }

        Simulation.EnqueueAt(new SharedRateWake(Simulation, this, _version), Math.Max(time, Simulation.Now), Priority.Normal);
    }

    private static bool Before(in Entry a, in Entry b) => a.Key < b.Key || (a.Key == b.Key && a.Sequence < b.Sequence);

    private bool SiftUp(int index)
    {
        var entry = _heap[index];
        var moved = false;
        while (index > 0)
        {
            var parent = (index - 1) >> 2;
            if (!Before(entry, _heap[parent]))
            {
                break;
            }

            _heap[index] = _heap[parent];
            _heap[index].Job.HeapIndex = index;
            index = parent;
            moved = true;
        }

        _heap[index] = entry;
        entry.Job.HeapIndex = index;
        return moved;
    }

    private void SiftDown(int index)
    {
        var entry = _heap[index];
        while (true)
        {
            var first = (4 * index) + 1;
            if (first >= Count)
            {
                break;
            }

            var child = first;
            var last = Math.Min(first + 4, Count);
            for (var c = first + 1; c < last; c++)
            {
                if (Before(_heap[c], _heap[child]))
                {
                    child = c;
                }
            }

            if (!Before(_heap[child], entry))
            {
                break;
            }

            _heap[index] = _heap[child];
            _heap[index].Job.HeapIndex = index;
            index = child;
        }

        _heap[index] = entry;
        entry.Job.HeapIndex = index;
    }

    /// <summary>A heap slot: the job's key and sequence beside it, so that comparisons read the heap array only (a node's four children are adjacent).</summary>
    private struct Entry(double key, long sequence, TJob job)
    {
        public double Key = key;
        public readonly long Sequence = sequence;
        public readonly TJob Job = job;
    }

    /// <summary>An open batch; disposing it ends the batch.</summary>
    public readonly struct BatchScope : IDisposable
    {
        private readonly SharedRateServer<TJob>? _server;

        internal BatchScope(SharedRateServer<TJob> server) => _server = server;

        /// <summary>Ends the batch; the outermost end schedules the next completion.</summary>
        public void Dispose() => _server?.EndBatch();
    }
}
