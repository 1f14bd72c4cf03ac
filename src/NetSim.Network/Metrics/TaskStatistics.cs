using NetSim.Kernel.Statistics;
using NetSim.Network.Recording;

namespace NetSim.Network.Metrics;

/// <summary>
/// The task metrics of a run (<see cref="MetricCatalog"/> defines each and its population),
/// accumulated task by task in constant memory over the tasks created at or after the warm-up
/// <see cref="Cut"/> (those created before it are only counted, as <see cref="CutTasks"/>). Latency
/// percentiles come from a <see cref="LogHistogram"/> with buckets 0.1% wide between 1 ns and 10^9 s,
/// so a reported percentile is within 0.05% of the exact order statistic (the nearest-rank
/// percentile: the smallest latency with at least p% of latencies at or below it). With
/// <c>keepSeries</c> it also keeps each completed task's creation time and latency (16 bytes a task),
/// which MSER-5 and batch means read in creation order.
/// </summary>
public sealed class TaskStatistics(double cut = 0, bool keepSeries = false)
{
    private readonly LogHistogram _histogram = new(1.001);
    private readonly List<LatencyPoint>? _series = keepSeries ? [] : null;
    private double _latencySum;
    private double _ageSum;
    private double _energySum;
    private double _qualitySum;
    private long _qualityCount;
    private long _withDeadline;
    private long _met;
    private readonly long[] _rejected = new long[Enum.GetValues<RejectReason>().Length];

    /// <summary>The warm-up cut, seconds: tasks created before it are left out.</summary>
    public double Cut { get; } = cut;

    /// <summary>Tasks created before <see cref="Cut"/>, left out.</summary>
    public long CutTasks { get; private set; }

    /// <summary>Tasks seen (created at or after the cut).</summary>
    public long Created { get; private set; }

    /// <summary>Completed tasks seen.</summary>
    public long Completed { get; private set; }

    /// <summary>Dropped tasks seen.</summary>
    public long Dropped { get; private set; }

    /// <summary>Unfinished tasks seen.</summary>
    public long Unfinished { get; private set; }

    /// <summary>The completed tasks' creation times and latencies in creation order (kept only with <c>keepSeries</c>).</summary>
    public IReadOnlyList<LatencyPoint> Series()
    {
        if (_series is null)
        {
            throw new InvalidOperationException("the series is kept only when asked for (keepSeries)");
        }

        _series.Sort((a, b) => a.Created.CompareTo(b.Created));
        return _series;
    }

    /// <summary>Adds one task's final record.</summary>
    public void Add(in TaskRecord task)
    {
        if (task.Created < Cut)
        {
            CutTasks++;
            return;
        }

        Created++;
        _rejected[(int)task.Rejected]++;
        _energySum += task.EnergyJ;
        _ageSum += task.Status == TaskOutcome.Completed ? task.Latency : task.Ended - task.Created;
        switch (task.Status)
        {
            case TaskOutcome.Completed:
                Completed++;
                _latencySum += task.Latency;
                _histogram.Add(task.Latency);
                _series?.Add(new LatencyPoint(task.Created, task.Latency));
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
    public double Percentile(double percent) => _histogram.Percentile(percent);

    /// <summary>
    /// The task metrics of <see cref="MetricCatalog"/>, by name, for a run of
    /// <paramref name="simTime"/> simulated seconds, with the warm-up cut and the tasks it left out.
    /// A metric whose population is empty (a mean latency when nothing completed) is NaN, never zero.
    /// </summary>
    public Dictionary<string, double> Summary(double simTime)
    {
        var nan = double.NaN;
        var measured = simTime - Cut;
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
            [MetricCatalog.Throughput.Name] = measured > 0 ? Completed / measured : nan,
            [MetricCatalog.TasksCreated.Name] = Created,
            [MetricCatalog.TasksCompleted.Name] = Completed,
            [MetricCatalog.TasksDropped.Name] = Dropped,
            [MetricCatalog.TasksUnfinished.Name] = Unfinished,
            [MetricCatalog.WarmupCut.Name] = Cut,
            [MetricCatalog.WarmupTasks.Name] = CutTasks,
        };
    }

    /// <summary>
    /// The batch-means metrics of mean latency (<see cref="MetricCatalog.BatchMeans"/>) over the
    /// kept series in <paramref name="batches"/> batches; empty with fewer completed tasks than batches.
    /// </summary>
    public Dictionary<string, double> BatchMeans(int batches)
    {
        var result = new Dictionary<string, double>();
        if (SteadyState.BatchMeans(Series().Select(p => p.Latency).ToList(), batches) is not { } batch)
        {
            return result;
        }

        result[MetricCatalog.BatchMeanLatency.Name] = batch.Interval.Mean;
        result[MetricCatalog.BatchHalfWidth.Name] = batch.Interval.HalfWidth;
        result[MetricCatalog.BatchLag1.Name] = batch.Lag1;
        result[MetricCatalog.BatchCount.Name] = batches;
        result[MetricCatalog.BatchSize.Name] = batch.BatchSize;
        return result;
    }

    /// <summary>
    /// The rejection metrics of <see cref="MetricCatalog.Rejections"/>, each over all created tasks
    /// (NaN when none was created): what a summary adds when admission control is on.
    /// </summary>
    public Dictionary<string, double> Rejections()
    {
        var result = new Dictionary<string, double>
        {
            [MetricCatalog.RejectedRate.Name] = Created > 0 ? (double)(Created - _rejected[(int)RejectReason.None] - _rejected[(int)RejectReason.CoverageLost]) / Created : double.NaN,
        };
        foreach (var reason in RejectReasons.All)
        {
            result[MetricCatalog.RejectedFor(reason).Name] = Created > 0 ? (double)_rejected[(int)reason] / Created : double.NaN;
        }

        return result;
    }
}
