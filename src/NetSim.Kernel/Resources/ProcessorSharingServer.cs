namespace NetSim.Kernel.Resources;

/// <summary>
/// Processor sharing: <see cref="Servers"/> servers of <see cref="Rate"/> each, whose capacity
/// <c>Rate * min(n, Servers)</c> is split over the n held jobs in proportion to their weights
/// (with equal weights, each job gets <c>Rate * min(1, Servers / n)</c>). Every rate scales
/// together at an arrival or a departure, which virtual time turns into nothing to update: V is
/// the service one unit of weight has received, <c>dV/dt = capacity / total weight</c>, and a job
/// of work S and weight w added when V = v finishes when V reaches <c>v + S / w</c>, its key in
/// the heap. Keys never change, so an arrival or a departure costs O(log n), finding the next
/// completion O(1), a job's remaining work <c>(key - V) * w</c> O(1). V restarts at 0 whenever the
/// server empties, which keeps its rounding relative to the work of one busy period.
/// <para>
/// With unequal weights and more than one server a job may get more than one server's rate: the
/// capacity is shared as a fluid, not per server.
/// </para>
/// </summary>
/// <typeparam name="TJob">The model's job type.</typeparam>
public sealed class ProcessorSharingServer<TJob> : SharedRateServer<TJob>
    where TJob : SharedRateJob
{
    private double _virtual;
    private double _advancedAt;
    private double _weight;

    /// <summary>A processor-sharing server.</summary>
    /// <param name="simulation">The simulation.</param>
    /// <param name="rate">Work per second of one server.</param>
    /// <param name="servers">Servers (cores) whose capacity the jobs share.</param>
    /// <param name="completed">Called for each finished job, after the next completion is scheduled.</param>
    /// <param name="departed">Called for each finished job as it leaves, before the next completion is scheduled; optional.</param>
    /// <param name="name">Name used in messages.</param>
    public ProcessorSharingServer(Simulation simulation, double rate, int servers, Action<TJob> completed, Action<TJob>? departed = null, string name = "processor sharing")
        : base(simulation, completed, departed, name)
    {
        if (!(rate > 0) || double.IsInfinity(rate))
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, $"{name}: rate {rate} (a positive finite rate expected)");
        }

        if (servers < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(servers), servers, $"{name}: servers {servers} (at least 1 expected)");
        }

        Rate = rate;
        Servers = servers;
    }

    /// <summary>Work per second of one server.</summary>
    public double Rate { get; }

    /// <summary>Servers whose capacity the jobs share.</summary>
    public int Servers { get; }

    /// <summary>Adds a job of <paramref name="work"/> and <paramref name="weight"/>; O(log n).</summary>
    public void Add(TJob job, double work, double weight = 1)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (!(work >= 0) || double.IsInfinity(work))
        {
            throw new ArgumentOutOfRangeException(nameof(work), work, $"{Name}: work {work} (a finite amount >= 0 expected)");
        }

        if (!(weight > 0) || double.IsInfinity(weight))
        {
            throw new ArgumentOutOfRangeException(nameof(weight), weight, $"{Name}: weight {weight} (a positive finite weight expected)");
        }

        Advance();
        job.Weight = weight;
        job.Key = _virtual + (work / weight);
        Attach(job, work);
        _weight += weight;
        SetTotalRate(Capacity);
        Changed();
    }

    private double Capacity => Rate * Math.Min(Count, Servers);

    private protected override void Advance()
    {
        var now = Simulation.Now;
        if (Count > 0 && now > _advancedAt)
        {
            _virtual += (now - _advancedAt) * Capacity / _weight;
        }

        _advancedAt = now;
    }

    private protected override double RemainingOf(TJob job)
    {
        var virtualNow = _virtual + ((Simulation.Now - _advancedAt) * Capacity / _weight);
        return Math.Max(0, (job.Key - virtualNow) * job.Weight);
    }

    private protected override double CurrentRate(TJob job) => job.Weight * Capacity / _weight;

    private protected override double FinishTime(TJob job) => _advancedAt + ((job.Key - _virtual) * _weight / Capacity);

    private protected override void FinishHead(TJob head) => _virtual = Math.Max(_virtual, head.Key);

    private protected override void Left(TJob job)
    {
        _weight -= job.Weight;
        if (Count == 0)
        {
            _virtual = 0;
            _weight = 0;
        }

        SetTotalRate(Capacity);
    }
}
