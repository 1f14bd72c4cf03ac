namespace NetSim.Kernel.Resources;

/// <summary>
/// A shared-rate server whose owner sets each job's rate, and changes the rates of the jobs its
/// model says change (a radio uplink, whose rates follow the SINR). A job keeps the work it had
/// when its rate was last set and that time, so its remaining work is O(1) to read and a job whose
/// rate does not change costs nothing; its key is its projected finish time. Costs: adding,
/// removing or setting one rate O(log n); setting every rate (<see cref="SetRates"/>) O(n), one
/// heap rebuild; the next completion O(1).
/// </summary>
/// <typeparam name="TJob">The model's job type.</typeparam>
public sealed class VariableRateServer<TJob> : SharedRateServer<TJob>
    where TJob : SharedRateJob
{
    /// <summary>A variable-rate server.</summary>
    /// <param name="simulation">The simulation.</param>
    /// <param name="completed">Called for each finished job, after the next completion is scheduled.</param>
    /// <param name="departed">Called for each finished job as it leaves, before the next completion is scheduled, where the owner sets the rates that change; optional.</param>
    /// <param name="name">Name used in messages.</param>
    public VariableRateServer(Simulation simulation, Action<TJob> completed, Action<TJob>? departed = null, string name = "variable rate")
        : base(simulation, completed, departed, name)
    {
    }

    /// <summary>Adds a job of <paramref name="work"/> progressing at <paramref name="rate"/>; O(log n).</summary>
    public void Add(TJob job, double work, double rate)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (!(work >= 0) || double.IsInfinity(work))
        {
            throw new ArgumentOutOfRangeException(nameof(work), work, $"{Name}: work {work} (a finite amount >= 0 expected)");
        }

        CheckRate(rate);
        var now = Simulation.Now;
        job.Rate = rate;
        job.Settled = work;
        job.Since = now;
        job.Key = Projected(now, work, rate);
        Attach(job, work);
        SetTotalRate(TotalRate + rate);
        Changed();
    }

    /// <summary>Sets the rate of a held job from now on; O(log n).</summary>
    /// <exception cref="InvalidOperationException">This server does not hold the job.</exception>
    public void SetRate(TJob job, double rate)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.Server != this)
        {
            throw new InvalidOperationException($"{Name}: the job whose rate is set is not held by this server");
        }

        CheckRate(rate);
        SettleBacklog();
        SetTotalRate(TotalRate - job.Rate + rate);
        Settle(job, rate);
        KeyChanged(job);
        Changed();
    }

    /// <summary>
    /// Sets the rate of every held job to <paramref name="rateOf"/>(job) from now on, in O(n):
    /// what a change that moves every rate (interference, a fading block) costs anyway.
    /// <paramref name="rateOf"/> must not change the server.
    /// </summary>
    public void SetRates(Func<TJob, double> rateOf)
    {
        ArgumentNullException.ThrowIfNull(rateOf);
        SettleBacklog();
        var total = 0.0;
        for (var i = 0; i < Count; i++)
        {
            var job = HeldAt(i);
            var rate = rateOf(job);
            CheckRate(rate);
            Settle(job, rate);
            total += rate;
        }

        SetTotalRate(total);
        Reheap();
        Changed();
    }

    private protected override double RemainingOf(TJob job) => Math.Max(0, job.Settled - (job.Rate * (Simulation.Now - job.Since)));

    private protected override double CurrentRate(TJob job) => job.Rate;

    private protected override double FinishTime(TJob job) => job.Key;

    private protected override void FinishHead(TJob head)
    {
        head.Settled = 0;
        head.Since = Simulation.Now;
    }

    private protected override void Left(TJob job) => SetTotalRate(TotalRate - job.Rate);

    /// <summary>The finish time of <paramref name="work"/> left at <paramref name="now"/> at <paramref name="rate"/>: +infinity at rate 0.</summary>
    private static double Projected(double now, double work, double rate) => rate > 0 ? now + (work / rate) : double.PositiveInfinity;

    /// <summary>Moves a job's account to now at its old rate and gives it <paramref name="rate"/>.</summary>
    private void Settle(TJob job, double rate)
    {
        var now = Simulation.Now;
        job.Settled = Math.Max(0, job.Settled - (job.Rate * (now - job.Since)));
        job.Since = now;
        job.Rate = rate;
        job.Key = Projected(now, job.Settled, rate);
    }

    private void CheckRate(double rate)
    {
        if (!(rate >= 0) || double.IsInfinity(rate))
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, $"{Name}: rate {rate} (a finite rate >= 0 expected)");
        }
    }
}
