namespace NetSim.Kernel.Statistics;

/// <summary>
/// Exact time integrals of one queueing node over a measured interval [<see cref="From"/>,
/// <see cref="To"/>): the number waiting and in service, the busy servers, arrivals and departures,
/// and the waiting and sojourn times of the jobs that arrived in the interval. The node calls
/// <see cref="Arrived"/>, <see cref="Started"/>, <see cref="Departed"/> and <see cref="Left"/> as
/// jobs move; between calls the state is constant, so each integral is a sum of rectangles clipped
/// to the interval, not a sample.
/// </summary>
public sealed class QueueMeter
{
    private readonly LogHistogram _waits = new(1.005);
    private double _last;
    private double _queueArea;
    private double _serviceArea;
    private double _busyArea;
    private double _waitSum;
    private double _sojournSum;
    private long _sojourns;

    /// <summary>A meter of a node with <paramref name="servers"/> servers, measuring over [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public QueueMeter(int servers, double from, double to)
    {
        if (servers < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(servers), servers, "at least one server");
        }

        if (!(from >= 0) || !(to >= from))
        {
            throw new ArgumentOutOfRangeException(nameof(from), from, $"the interval [{from}, {to}) is not an interval of non-negative times");
        }

        Servers = servers;
        From = from;
        To = to;
    }

    /// <summary>Servers: jobs served at once at full rate (a shared-rate node counts as busy while it holds a job).</summary>
    public int Servers { get; }

    /// <summary>Start of the measured interval.</summary>
    public double From { get; }

    /// <summary>End of the measured interval.</summary>
    public double To { get; }

    /// <summary>Jobs waiting now.</summary>
    public int Waiting { get; private set; }

    /// <summary>Jobs in service now.</summary>
    public int InService { get; private set; }

    /// <summary>A job arrived at <paramref name="now"/> and waits.</summary>
    public void Arrived(double now)
    {
        Advance(now);
        Waiting++;
        if (InWindow(now))
        {
            Arrivals++;
        }
    }

    /// <summary>A job that arrived at <paramref name="arrived"/> starts service at <paramref name="now"/>.</summary>
    public void Started(double now, double arrived)
    {
        Advance(now);
        Waiting--;
        InService++;
        if (InWindow(arrived))
        {
            _waitSum += now - arrived;
            _waits.Add(now - arrived);
        }
    }

    /// <summary>A job that arrived at <paramref name="arrived"/> finishes service and leaves at <paramref name="now"/>.</summary>
    public void Departed(double now, double arrived)
    {
        Advance(now);
        InService--;
        if (InWindow(now))
        {
            Departures++;
        }

        if (InWindow(arrived))
        {
            _sojournSum += now - arrived;
            _sojourns++;
        }
    }

    /// <summary>A job leaves unfinished at <paramref name="now"/> (dropped), from service or from the queue.</summary>
    public void Left(double now, bool inService)
    {
        Advance(now);
        if (inService)
        {
            InService--;
        }
        else
        {
            Waiting--;
        }
    }

    /// <summary>Jobs that arrived in the interval.</summary>
    public long Arrivals { get; private set; }

    /// <summary>Jobs that finished service in the interval.</summary>
    public long Departures { get; private set; }

    /// <summary>The node's figures over the interval, with its state integrated up to <paramref name="now"/> (the end of the run).</summary>
    public QueueReading Read(double now)
    {
        Advance(now);
        var length = Math.Min(now, To) - From;
        var nan = double.NaN;
        var per = length > 0 ? 1 / length : nan;
        var meanWait = _waits.Count > 0 ? _waitSum / _waits.Count : nan;
        var meanSojourn = _sojourns > 0 ? _sojournSum / _sojourns : nan;
        return new QueueReading(
            From,
            From + Math.Max(0, length),
            Servers,
            Arrivals,
            Departures,
            _queueArea * per,
            _serviceArea * per,
            _busyArea * per / Servers,
            meanWait,
            _waits.Percentile(95),
            meanSojourn,
            Arrivals * per,
            Departures * per,
            _waits.Count,
            _sojourns);
    }

    private bool InWindow(double time) => time >= From && time < To;

    private void Advance(double now)
    {
        var start = Math.Max(_last, From);
        var end = Math.Min(now, To);
        if (end > start)
        {
            var dt = end - start;
            _queueArea += Waiting * dt;
            _serviceArea += InService * dt;
            _busyArea += Math.Min(InService, Servers) * dt;
        }

        if (now > _last)
        {
            _last = now;
        }
    }
}

/// <summary>A node's figures over a measured interval (times in seconds, rates per second).</summary>
/// <param name="From">Start of the interval.</param>
/// <param name="To">End of the interval (the end of arrivals, or the end of the run if sooner).</param>
/// <param name="Servers">Servers of the node.</param>
/// <param name="Arrivals">Jobs that arrived in the interval.</param>
/// <param name="Departures">Jobs that finished service in the interval.</param>
/// <param name="MeanInQueue">Time-average number waiting (Lq).</param>
/// <param name="MeanInService">Time-average number in service.</param>
/// <param name="Utilisation">Time-average busy servers divided by the servers.</param>
/// <param name="MeanWait">Mean waiting time (Wq) of the jobs that arrived in the interval and started service.</param>
/// <param name="P95Wait">95th percentile of those waiting times (within 0.25%).</param>
/// <param name="MeanSojourn">Mean time from arrival to departure (W) of the jobs that arrived in the interval and departed.</param>
/// <param name="ArrivalRate">Arrivals divided by the interval's length (lambda).</param>
/// <param name="Throughput">Departures divided by the interval's length.</param>
/// <param name="Waits">Jobs whose waiting time is counted.</param>
/// <param name="Sojourns">Jobs whose sojourn time is counted.</param>
public readonly record struct QueueReading(
    double From,
    double To,
    int Servers,
    long Arrivals,
    long Departures,
    double MeanInQueue,
    double MeanInService,
    double Utilisation,
    double MeanWait,
    double P95Wait,
    double MeanSojourn,
    double ArrivalRate,
    double Throughput,
    long Waits,
    long Sojourns)
{
    /// <summary>Time-average number at the node, waiting or in service (L).</summary>
    public double MeanInSystem => MeanInQueue + MeanInService;

    /// <summary>Little's law's right side, lambda times W.</summary>
    public double LambdaW => ArrivalRate * MeanSojourn;
}
