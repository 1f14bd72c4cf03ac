using NetSim.Network.Recording;

namespace NetSim.Network.Metrics;

/// <summary>
/// The task metrics of a run (<see cref="MetricCatalog"/> defines each and its population),
/// accumulated task by task in constant memory. Latency percentiles come from a histogram with
/// logarithmic buckets 0.1% wide between 1 ns and 10^9 s, read at the bucket's geometric middle,
/// so a reported percentile is within 0.05% of the exact order statistic (the nearest-rank
/// percentile: the smallest latency with at least p% of latencies at or below it).
/// </summary>
public sealed class TaskStatistics
{
    private const double Lowest = 1e-9;
    private const double Growth = 1.001;
    private static readonly double LogGrowth = Math.Log(Growth);
    private static readonly int BucketCount = (int)Math.Ceiling(Math.Log(1e9 / Lowest) / LogGrowth) + 2;
    private readonly long[] _histogram = new long[BucketCount];
    private double _latencySum;
    private double _ageSum;
    private double _energySum;
    private double _qualitySum;
    private long _qualityCount;
    private long _withDeadline;
    private long _met;
    private readonly long[] _rejected = new long[RejectReasons.All.Count + 1];

    /// <summary>Tasks seen.</summary>
    public long Created { get; private set; }

    /// <summary>Completed tasks seen.</summary>
    public long Completed { get; private set; }

    /// <summary>Dropped tasks seen.</summary>
    public long Dropped { get; private set; }

    /// <summary>Unfinished tasks seen.</summary>
    public long Unfinished { get; private set; }

    /// <summary>Adds one task's final record.</summary>
    public void Add(in TaskRecord task)
    {
        Created++;
        _rejected[(int)task.Rejected]++;
        _energySum += task.EnergyJ;
        _ageSum += task.Status == TaskOutcome.Completed ? task.Latency : task.Ended - task.Created;
        switch (task.Status)
        {
            case TaskOutcome.Completed:
                Completed++;
                _latencySum += task.Latency;
                _histogram[Bucket(task.Latency)]++;
                if (!double.IsNaN(task.Quality))
                {
                    _qualitySum += task.Quality;
                    _qualityCount++;
                }

                break;
            case TaskOutcome.Dropped:
                Dropped++;
                break;
            default:
                Unfinished++;
                break;
        }

        if (task.MetDeadline is { } met)
        {
            _withDeadline++;
            if (met)
            {
                _met++;
            }
        }
    }

    /// <summary>The latency below which <paramref name="percent"/>% of completed tasks fall (nearest rank).</summary>
    public double Percentile(double percent)
    {
        if (Completed == 0)
        {
            return double.NaN;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(percent / 100 * Completed));
        long seen = 0;
        for (var b = 0; b < _histogram.Length; b++)
        {
            seen += _histogram[b];
            if (seen >= rank)
            {
                return b == 0 ? 0 : Lowest * Math.Pow(Growth, b - 0.5);
            }
        }

        return double.NaN;
    }

    /// <summary>
    /// The task metrics of <see cref="MetricCatalog"/>, by name, for a run of
    /// <paramref name="simTime"/> simulated seconds. A metric whose population is empty (a mean
    /// latency when nothing completed) is NaN, never zero.
    /// </summary>
    public Dictionary<string, double> Summary(double simTime)
    {
        var nan = double.NaN;
        return new Dictionary<string, double>
        {
            [MetricCatalog.MeanLatency.Name] = Completed > 0 ? _latencySum / Completed : nan,
            [MetricCatalog.P50Latency.Name] = Percentile(50),
            [MetricCatalog.P95Latency.Name] = Percentile(95),
            [MetricCatalog.P99Latency.Name] = Percentile(99),
            [MetricCatalog.MeanLatencyAllTasks.Name] = Created > 0 ? _ageSum / Created : nan,
            [MetricCatalog.DeadlineMetRate.Name] = _withDeadline > 0 ? (double)_met / _withDeadline : nan,
            [MetricCatalog.CompletionRate.Name] = Created > 0 ? (double)Completed / Created : nan,
            [MetricCatalog.MeanEnergy.Name] = Created > 0 ? _energySum / Created : nan,
            [MetricCatalog.MeanQuality.Name] = _qualityCount > 0 ? _qualitySum / _qualityCount : nan,
            [MetricCatalog.Throughput.Name] = simTime > 0 ? Completed / simTime : nan,
            [MetricCatalog.TasksCreated.Name] = Created,
            [MetricCatalog.TasksCompleted.Name] = Completed,
            [MetricCatalog.TasksDropped.Name] = Dropped,
            [MetricCatalog.TasksUnfinished.Name] = Unfinished,
        };
    }

    /// <summary>
    /// The rejection metrics of <see cref="MetricCatalog.Rejections"/>, each over all created tasks
    /// (NaN when none was created): what a summary adds when admission control is on.
    /// </summary>
    public Dictionary<string, double> Rejections()
    {
        var result = new Dictionary<string, double>
        {
            [MetricCatalog.RejectedRate.Name] = Created > 0 ? (double)(Created - _rejected[(int)RejectReason.None]) / Created : double.NaN,
        };
        foreach (var reason in RejectReasons.All)
        {
            result[MetricCatalog.RejectedFor(reason).Name] = Created > 0 ? (double)_rejected[(int)reason] / Created : double.NaN;
        }

        return result;
    }

    private static int Bucket(double latency)
    {
        if (!(latency > Lowest))
        {
            return 0;
        }

        var b = (int)(Math.Log(latency / Lowest) / LogGrowth) + 1;
        return Math.Min(b, BucketCount - 1);
    }
}
