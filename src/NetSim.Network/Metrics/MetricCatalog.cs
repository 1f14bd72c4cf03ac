using NetSim.Network.Recording;

namespace NetSim.Network.Metrics;

/// <summary>
/// The one definition of every metric NetSim reports: the run summary, <c>netsim report</c>, sweep
/// tables, figures and the papers' README all name metrics through this catalog, and
/// <see cref="TaskStatistics"/> computes the task metrics under these names.
/// </summary>
/// <remarks>
/// A latency over completed tasks alone flatters a policy that leaves tasks unfinished (the slower
/// tasks are the ones missing), so the summary also reports
/// <see cref="MeanLatencyAllTasks"/>: every created task counted, an unfinished one by its age at the
/// end of the run and a dropped one by its age when dropped. That is a lower bound on the mean
/// latency those tasks would have had, and is named as one.
/// </remarks>
public static class MetricCatalog
{
    /// <summary>What a task population adds when a warm-up cut left tasks out (<see cref="Over"/>).</summary>
    public const string AfterWarmup = " after warm-up";

    /// <summary>Fraction of created tasks that completed.</summary>
    public static readonly Metric CompletionRate = new(
        "completion_rate", "Completed", "%", 100, "of all created tasks",
        "completed tasks divided by all tasks created during the run (dropped and unfinished ones did not complete)");

    /// <summary>Mean latency of completed tasks.</summary>
    public static readonly Metric MeanLatency = new(
        "mean_latency", "Mean latency", "ms", 1e3, "completed tasks",
        "mean of completion minus creation time over completed tasks only; see mean_latency_all_lower_bound for every task");

    /// <summary>Median latency of completed tasks.</summary>
    public static readonly Metric P50Latency = Percentile(50, "Median latency");

    /// <summary>95th percentile latency of completed tasks.</summary>
    public static readonly Metric P95Latency = Percentile(95, "95th percentile latency");

    /// <summary>99th percentile latency of completed tasks.</summary>
    public static readonly Metric P99Latency = Percentile(99, "99th percentile latency");

    /// <summary>Mean over every created task, unfinished and dropped ones counted by their age: a lower bound.</summary>
    public static readonly Metric MeanLatencyAllTasks = new(
        "mean_latency_all_lower_bound", "Mean latency (lower bound)", "ms", 1e3, "all created tasks",
        "mean over every task created during the run of its latency if it completed, its age when dropped if it was dropped, "
        + "and its age at the end of the run if it was unfinished: a lower bound on the mean latency of all tasks, "
        + "equal to mean_latency when every task completes");

    /// <summary>Fraction of tasks with a deadline that met it.</summary>
    public static readonly Metric DeadlineMetRate = new(
        "deadline_met_rate", "Deadline met", "%", 100, "tasks with a deadline",
        "tasks that completed by their deadline divided by all created tasks that had one (a dropped or unfinished task missed it)");

    /// <summary>Mean energy spent per created task.</summary>
    public static readonly Metric MeanEnergy = new(
        "mean_energy_j", "Mean energy per task", "mJ", 1e3, "all created tasks",
        "energy spent on tasks (device compute, transmission, edge and cloud compute, model downloads) divided by all tasks "
        + "created during the run, dropped and unfinished ones with the energy they consumed until then");

    /// <summary>Mean quality (utility) of completed diffusion tasks.</summary>
    public static readonly Metric MeanQuality = new(
        "mean_quality", "Mean quality (utility)", string.Empty, 1, "completed diffusion tasks",
        "mean of the utility 1 - exp(-s C2) over completed tasks whose model is a diffusion model");

    /// <summary>Completed tasks per simulated second.</summary>
    public static readonly Metric Throughput = new(
        "throughput_tasks_per_s", "Throughput", "tasks/s", 1, "completed tasks",
        "completed tasks created after the warm-up cut divided by the simulated time from the cut to the end of the run");

    /// <summary>The warm-up cut.</summary>
    public static readonly Metric WarmupCut = new(
        "warmup_cut_s", "Warm-up cut", "s", 1, "simulated time",
        "tasks created before this time (the scenario's warmup, or the MSER-5 cut of warmup: auto) are left out of every task statistic, and per-node statistics start at it");

    /// <summary>Tasks created before the warm-up cut.</summary>
    public static readonly Metric WarmupTasks = Count("warmup_cut_tasks", "Tasks cut as warm-up", "tasks created before the warm-up cut, left out of every task statistic");

    /// <summary>Mean latency by batch means (one run).</summary>
    public static readonly Metric BatchMeanLatency = new(
        "mean_latency_batch", "Mean latency (batch means)", "ms", 1e3, "completed tasks after warm-up, whole batches",
        "mean of the batch means of the completed tasks' latencies in creation order (the tasks after the last whole batch are left out); a single run (--replications 1) only");

    /// <summary>Half-width of the batch-means interval of mean latency.</summary>
    public static readonly Metric BatchHalfWidth = new(
        "mean_latency_batch_ci", "Mean latency 95% CI half-width (batch means)", "ms", 1e3, "batch means of one run",
        "95% Student-t half-width over the batch means of mean_latency_batch (batch_means batches, batch_means - 1 degrees of freedom); a single run only");

    /// <summary>Lag-1 autocorrelation of the batch means.</summary>
    public static readonly Metric BatchLag1 = new(
        "batch_means_lag1", "Lag-1 autocorrelation of batch means", string.Empty, 1, "batch means of one run",
        "lag-1 autocorrelation of the batch means of latency; above 0.2 in magnitude the batches are too short to be independent and the interval too narrow");

    /// <summary>Batches of the batch means.</summary>
    public static readonly Metric BatchCount = Count("batch_means", "Batches", "batches of the batch-means interval (the scenario's batch_means)");

    /// <summary>Tasks per batch.</summary>
    public static readonly Metric BatchSize = Count("batch_size_tasks", "Tasks per batch", "completed tasks in each batch of the batch-means interval");

    /// <summary>The batch-means metrics of a single run, in the order a summary lists them.</summary>
    public static readonly IReadOnlyList<Metric> BatchMeans = [BatchMeanLatency, BatchHalfWidth, BatchLag1, BatchCount, BatchSize];

    /// <summary>Tasks created during the run.</summary>
    public static readonly Metric TasksCreated = Count("tasks_created", "Tasks created", "tasks created during the run");

    /// <summary>Tasks that completed.</summary>
    public static readonly Metric TasksCompleted = Count("tasks_completed", "Tasks completed", "tasks whose result reached the device");

    /// <summary>Tasks that were dropped.</summary>
    public static readonly Metric TasksDropped = Count("tasks_dropped", "Tasks dropped", "tasks given up, for example at their deadline");

    /// <summary>Tasks still in the system when the run ended.</summary>
    public static readonly Metric TasksUnfinished = Count("tasks_unfinished", "Tasks unfinished", "tasks still in the system when the run ended");

    /// <summary>Fraction of created tasks admission control refused, for any reason.</summary>
    public static readonly Metric RejectedRate = new(
        "rejected_rate", "Rejected", "%", 100, "of all created tasks",
        "tasks admission control refused (whatever their fallback made of them: run on the device, sent to the cloud or dropped) divided by all tasks created during the run");

    /// <summary>Fraction of created tasks refused because an edge server was full.</summary>
    public static readonly Metric RejectedCapacity = Rejected(RejectReason.Capacity, "an edge server held its most tasks or work");

    /// <summary>Fraction of created tasks refused because their estimated finish missed their deadline.</summary>
    public static readonly Metric RejectedDeadline = Rejected(RejectReason.Deadline, "the estimated finish at the edge server missed the task's deadline");

    /// <summary>Fraction of created tasks refused because their UE was out of range.</summary>
    public static readonly Metric RejectedRange = Rejected(RejectReason.Range, "the UE was out of the coverage radius of the station it would upload to");

    /// <summary>The rejection metrics, total first then by reason: in a summary when admission control is on.</summary>
    public static readonly IReadOnlyList<Metric> Rejections = [RejectedRate, RejectedCapacity, RejectedDeadline, RejectedRange];

    /// <summary>The metric of tasks refused for <paramref name="reason"/>.</summary>
    public static Metric RejectedFor(RejectReason reason) => reason switch
    {
        RejectReason.Capacity => RejectedCapacity,
        RejectReason.Deadline => RejectedDeadline,
        RejectReason.Range => RejectedRange,
        _ => RejectedRate,
    };

    /// <summary>Model downloads started.</summary>
    public static readonly Metric Downloads = Count("downloads", "Model downloads", "model downloads from the cloud to edge caches");

    /// <summary>Handovers over all UEs (only where UEs move; a run without it shows no row).</summary>
    public static readonly Metric Handovers = Count("handovers", "Handovers", "handovers of UEs between stations over the whole run, drain included (reported only where UEs move, ues.mobility)");

    /// <summary>Kernel events processed.</summary>
    public static readonly Metric Events = Count("events", "Events", "events the kernel processed");

    /// <summary>The rows of a run's summary table, in order (utilisation and policy metrics follow).</summary>
    public static readonly IReadOnlyList<Metric> Summary =
    [
        TasksCreated, CompletionRate, MeanLatency, P50Latency, P95Latency, P99Latency, MeanLatencyAllTasks,
        DeadlineMetRate, MeanEnergy, MeanQuality, Throughput, TasksDropped, TasksUnfinished, Handovers,
        RejectedRate, RejectedCapacity, RejectedDeadline, RejectedRange,
        BatchMeanLatency, BatchHalfWidth, BatchLag1, BatchSize, WarmupCut, WarmupTasks,
    ];

    /// <summary>
    /// The population <paramref name="metric"/> is over in a summary whose runs had a warm-up cut
    /// (<paramref name="warmupCut"/>): a task population then says that tasks created before the
    /// cut are left out ("completed tasks after warm-up").
    /// </summary>
    public static string Over(Metric metric, bool warmupCut)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return warmupCut && metric.Over.Contains("tasks", StringComparison.Ordinal) && !metric.Over.Contains(AfterWarmup, StringComparison.Ordinal)
            ? metric.Over + AfterWarmup
            : metric.Over;
    }

    /// <summary>The columns of a sweep's table.</summary>
    public static readonly IReadOnlyList<Metric> Sweep = [CompletionRate, MeanLatency, P95Latency, MeanLatencyAllTasks, DeadlineMetRate, MeanEnergy];

    private static readonly Dictionary<string, Metric> Known = new List<Metric>
    {
        CompletionRate, MeanLatency, P50Latency, P95Latency, P99Latency, MeanLatencyAllTasks, DeadlineMetRate, MeanEnergy,
        MeanQuality, Throughput, TasksCreated, TasksCompleted, TasksDropped, TasksUnfinished, Downloads, Handovers, Events,
        RejectedRate, RejectedCapacity, RejectedDeadline, RejectedRange,
        WarmupCut, WarmupTasks, BatchMeanLatency, BatchHalfWidth, BatchLag1, BatchCount, BatchSize,
    }.ToDictionary(m => m.Name, StringComparer.Ordinal);

    /// <summary>
    /// The metric named <paramref name="name"/>: a known one, a node's utilisation
    /// (<c>utilisation:NODE</c>), a policy's own figure (<c>policy:NAME</c>), or, for any other name, the
    /// name itself with no unit.
    /// </summary>
    public static Metric For(string name)
    {
        if (Known.TryGetValue(name, out var metric))
        {
            return metric;
        }

        if (name.StartsWith(UtilisationPrefix, StringComparison.Ordinal))
        {
            var node = name[UtilisationPrefix.Length..];
            return node == "ue_mean"
                ? new(name, "Utilisation of UE processors", "%", 100, "mean over UEs, whole run", "each UE's busy core-seconds over the run's whole simulated time (warm-up included), averaged over UEs")
                : new(name, $"Utilisation of {node}", "%", 100, "whole run, warm-up included", $"busy core-seconds of {node} divided by its cores times the run's whole simulated time (warm-up included; node_stats and the per-node table count from the cut)");
        }

        if (name.StartsWith(PolicyPrefix, StringComparison.Ordinal))
        {
            var figure = name[PolicyPrefix.Length..];
            return new(name, $"Policy {figure}", string.Empty, 1, string.Empty, $"a figure the policy reports about its own decisions ({figure})");
        }

        return new(name, name, string.Empty, 1, string.Empty, name);
    }

    /// <summary>Whether <paramref name="name"/> is defined here (not just a name passed through).</summary>
    public static bool IsKnown(string name) =>
        Known.ContainsKey(name) || name.StartsWith(UtilisationPrefix, StringComparison.Ordinal) || name.StartsWith(PolicyPrefix, StringComparison.Ordinal);

    /// <summary>Names of every metric with a fixed name, for help texts and checks.</summary>
    public static IEnumerable<string> Names => Known.Keys.Order(StringComparer.Ordinal);

    /// <summary>Prefix of the per-node utilisation metrics.</summary>
    public const string UtilisationPrefix = "utilisation:";

    /// <summary>Prefix of the figures a policy reports.</summary>
    public const string PolicyPrefix = "policy:";

    private static Metric Percentile(int p, string label) => new(
        $"p{p}_latency", label, "ms", 1e3, "completed tasks",
        $"the smallest latency with at least {p}% of completed tasks' latencies at or below it (nearest rank, within 0.05%)");

    private static Metric Rejected(RejectReason reason, string why)
    {
        var name = RejectReasons.Name(reason)!;
        return new($"rejected_{name}", $"Rejected: {name}", "%", 100, "of all created tasks", $"tasks admission control refused because {why}, divided by all tasks created during the run");
    }

    private static Metric Count(string name, string label, string definition) => new(name, label, string.Empty, 1, string.Empty, definition);
}
