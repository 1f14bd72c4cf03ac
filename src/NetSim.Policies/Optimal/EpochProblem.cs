namespace NetSim.Policies.Optimal;

/// <summary>
/// The model of one decision epoch's batch: problem (1) of Zhou et al., "Deploying On-Device AIGC
/// Inference Services in 6G via Optimal MEC-Device Offloading" (section III). Each task u runs
/// either locally, taking its local latency (device work over the UE's rate), or on edge server m.
/// The k_m tasks sent to base station m share its bandwidth equally (eta = 1/k_m, constraint C2)
/// and the tasks on server m share its compute equally (constraint C3), so a task on m takes
/// <c>L(u, m, k_m)</c>, for example <c>size / (B/k_m log2(1 + SINR_um)) + work / (c_m / k_m)</c>.
/// The objective is the mean over the batch of each task's cost: its latency, plus the deadline
/// penalty or infeasibility of <see cref="EpochSettings"/> (constraint C4).
/// <para>
/// Targets are the device and the edge servers, as in problem (1); the cloud is not a target of
/// this model. Assignments are vectors with one entry per task: <see cref="Local"/> or an edge index.
/// The latency table holds <c>L(u, m, k)</c> for every k from 1 to the batch size, so memory grows
/// as U^2 M.
/// </para>
/// </summary>
public sealed class EpochProblem
{
    /// <summary>The assignment entry of a task run on its own device.</summary>
    public const int Local = -1;

    /// <summary>The largest latency table built (U^2 M entries of 8 bytes: 256 MB).</summary>
    public const long MaxTableEntries = 1L << 25;

    private readonly double[] _local;
    private readonly double[] _timeLeft;
    private readonly double[] _edge;

    /// <summary>Builds the problem from its latencies.</summary>
    /// <param name="localLatency">Latency of each task run locally, seconds.</param>
    /// <param name="timeLeft">Time from now to each task's deadline, seconds (+infinity for none).</param>
    /// <param name="edgeCount">Number of edge servers M.</param>
    /// <param name="edgeLatency">Latency of task u on server m when k tasks (u among them) are sent there, for k from 1 to U.</param>
    /// <param name="settings">How the deadline bound C4 enters the objective.</param>
    public EpochProblem(double[] localLatency, double[] timeLeft, int edgeCount, Func<int, int, int, double> edgeLatency, EpochSettings settings)
    {
        ArgumentNullException.ThrowIfNull(localLatency);
        ArgumentNullException.ThrowIfNull(timeLeft);
        ArgumentNullException.ThrowIfNull(edgeLatency);
        ArgumentNullException.ThrowIfNull(settings);
        if (timeLeft.Length != localLatency.Length)
        {
            throw new ArgumentException($"{timeLeft.Length} deadlines for {localLatency.Length} tasks", nameof(timeLeft));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(edgeCount);
        if (settings.Deadline == DeadlineMode.Penalty && !(settings.PenaltySeconds >= 0 && double.IsFinite(settings.PenaltySeconds)))
        {
            throw new ArgumentException($"deadline penalty {settings.PenaltySeconds} s: must be finite and non-negative", nameof(settings));
        }

        if ((long)localLatency.Length * localLatency.Length * edgeCount > MaxTableEntries)
        {
            throw new ArgumentException($"{localLatency.Length} tasks and {edgeCount} servers: the latency table would hold more than {MaxTableEntries:N0} entries (U^2 M); split the batch (shorter slots)", nameof(localLatency));
        }

        TaskCount = localLatency.Length;
        EdgeCount = edgeCount;
        Settings = settings;
        _local = (double[])localLatency.Clone();
        _timeLeft = (double[])timeLeft.Clone();
        _edge = new double[TaskCount * edgeCount * TaskCount];
        var monotone = true;
        for (var u = 0; u < TaskCount; u++)
        {
            CheckLatency(_local[u], u, "local");
            for (var m = 0; m < edgeCount; m++)
            {
                for (var k = 1; k <= TaskCount; k++)
                {
                    var latency = edgeLatency(u, m, k);
                    CheckLatency(latency, u, $"edge {m} with {k} tasks");
                    _edge[Index(u, m, k)] = latency;
                    monotone &= k == 1 || latency >= _edge[Index(u, m, k - 1)];
                }
            }
        }

        IsMonotone = monotone;
    }

    /// <summary>Number of tasks U in the batch.</summary>
    public int TaskCount { get; }

    /// <summary>Number of edge servers M.</summary>
    public int EdgeCount { get; }

    /// <summary>How the deadline bound enters the objective.</summary>
    public EpochSettings Settings { get; }

    /// <summary>
    /// Whether every edge latency is non-decreasing in the number of tasks sharing the server
    /// (true for the equal shares of problem (1)); solvers may then prune options that are worse
    /// than running the task locally.
    /// </summary>
    public bool IsMonotone { get; }

    /// <summary>
    /// A lower bound on the optimal objective when <see cref="IsMonotone"/>: the mean over tasks of
    /// the cheapest option with each server to itself. Negative infinity otherwise.
    /// </summary>
    public double TrivialLowerBound
    {
        get
        {
            if (!IsMonotone)
            {
                return double.NegativeInfinity;
            }

            var sum = 0.0;
            for (var u = 0; u < TaskCount; u++)
            {
                var best = LocalCost(u);
                for (var m = 0; m < EdgeCount; m++)
                {
                    best = Math.Min(best, EdgeCost(u, m, 1));
                }

                sum += best;
            }

            return TaskCount == 0 ? 0 : sum / TaskCount;
        }
    }

    /// <summary>Latency of task <paramref name="u"/> run locally, seconds.</summary>
    public double LocalLatency(int u) => _local[u];

    /// <summary>Latency of task <paramref name="u"/> on server <paramref name="m"/> shared by <paramref name="k"/> tasks, seconds.</summary>
    public double EdgeLatency(int u, int m, int k) => _edge[Index(u, m, k)];

    /// <summary>Time from now to the deadline of task <paramref name="u"/>, seconds.</summary>
    public double TimeLeft(int u) => _timeLeft[u];

    /// <summary>Cost of task <paramref name="u"/> run locally: its latency with the deadline rule applied.</summary>
    public double LocalCost(int u) => Cost(u, _local[u]);

    /// <summary>Cost of task <paramref name="u"/> on server <paramref name="m"/> shared by <paramref name="k"/> tasks.</summary>
    public double EdgeCost(int u, int m, int k) => Cost(u, EdgeLatency(u, m, k));

    /// <summary>
    /// The objective of <paramref name="assignment"/> (one entry per task: <see cref="Local"/> or an
    /// edge index): the mean cost over the batch, +infinity when a hard deadline is missed.
    /// </summary>
    public double Evaluate(ReadOnlySpan<int> assignment) => Mean(assignment, withDeadline: true);

    /// <summary>The mean latency of <paramref name="assignment"/> under this model, without the deadline rule.</summary>
    public double MeanLatency(ReadOnlySpan<int> assignment) => Mean(assignment, withDeadline: false);

    private double Mean(ReadOnlySpan<int> assignment, bool withDeadline)
    {
        if (assignment.Length != TaskCount)
        {
            throw new ArgumentException($"{assignment.Length} entries for {TaskCount} tasks", nameof(assignment));
        }

        if (TaskCount == 0)
        {
            return 0;
        }

        Span<int> counts = EdgeCount <= 256 ? stackalloc int[EdgeCount] : new int[EdgeCount];
        foreach (var target in assignment)
        {
            if (target < Local || target >= EdgeCount)
            {
                throw new ArgumentException($"target {target} is neither local ({Local}) nor an edge server 0..{EdgeCount - 1}", nameof(assignment));
            }

            if (target != Local)
            {
                counts[target]++;
            }
        }

        var sum = 0.0;
        for (var u = 0; u < TaskCount; u++)
        {
            var target = assignment[u];
            var latency = target == Local ? _local[u] : EdgeLatency(u, target, counts[target]);
            sum += withDeadline ? Cost(u, latency) : latency;
        }

        return sum / TaskCount;
    }

    private double Cost(int u, double latency)
    {
        if (latency <= _timeLeft[u])
        {
            return latency;
        }

        return Settings.Deadline switch
        {
            DeadlineMode.Penalty => latency + Settings.PenaltySeconds,
            DeadlineMode.Hard => double.PositiveInfinity,
            _ => latency,
        };
    }

    private int Index(int u, int m, int k) => (((u * EdgeCount) + m) * TaskCount) + k - 1;

    private static void CheckLatency(double latency, int u, string where)
    {
        if (!(latency >= 0))
        {
            throw new ArgumentException($"task {u}, {where}: latency {latency} s is not a non-negative number (+infinity is allowed)");
        }
    }
}
