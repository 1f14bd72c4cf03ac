using NetSim.Network.Scheduling;

namespace NetSim.Policies.Optimal;

/// <summary>Builds <see cref="EpochProblem"/>s from a decision epoch of the world, or from plain arrays.</summary>
public static class EpochProblemFactory
{
    /// <summary>
    /// The problem of the batch <paramref name="batch"/> at the epoch seen by <paramref name="observation"/>.
    /// Reads <see cref="Observation.Now"/>, <see cref="Observation.EdgeCount"/>,
    /// <see cref="Observation.UeRate"/> and <see cref="Observation.DeviceWork"/> (local latency),
    /// <see cref="Observation.UplinkRateIfStarted(int, int, double)"/> with share 1/k (upload), and
    /// <see cref="Observation.EdgeRate"/>, <see cref="Observation.EdgeCores"/> and
    /// <see cref="Observation.EdgeWork"/> (edge compute), and each task's deadline.
    /// <para>
    /// The SINR of each (task, base station) pair is the one an upload would see if it started now:
    /// the interference of the uploads active now to other base stations, held fixed during the
    /// epoch. The batch's own uploads to other stations are not counted as interference, and uploads
    /// and jobs already in progress are not counted as sharing the band or the server: problem (1)
    /// treats successive slots as independent (Zhou et al., section III-E). With the channel's power
    /// spread over the whole band (Zhou et al.) the upload time is <c>k size / (B log2(1 + SINR))</c>;
    /// with power concentrated on the share it is what the channel computes for share 1/k.
    /// </para>
    /// <para>
    /// Local latency is the device work over the UE's rate (tasks of one UE run locally in the same
    /// batch do not share its processor, as in problem (1)); edge compute is the work over an equal
    /// share of the server, <c>min(rate, rate cores / k)</c> per task. Model caches and downloads
    /// are not part of problem (1) and are ignored. Deadlines count from now: a task's time left is
    /// its absolute deadline minus <see cref="Observation.Now"/>.
    /// </para>
    /// </summary>
    public static EpochProblem FromObservation(Observation observation, IReadOnlyList<TaskView> batch, EpochSettings settings)
    {
        ArgumentNullException.ThrowIfNull(observation);
        ArgumentNullException.ThrowIfNull(batch);
        var tasks = batch.Count;
        var edges = observation.EdgeCount;
        var local = new double[tasks];
        var timeLeft = new double[tasks];
        if ((long)tasks * tasks * edges > EpochProblem.MaxTableEntries)
        {
            throw new ArgumentException($"{tasks} tasks and {edges} servers: the latency table would hold more than {EpochProblem.MaxTableEntries:N0} entries (U^2 M); split the batch (shorter slots)", nameof(batch));
        }

        var work = new double[tasks * edges];
        for (var u = 0; u < tasks; u++)
        {
            var task = batch[u];
            local[u] = observation.DeviceWork(task) / observation.UeRate(task.Ue);
            timeLeft[u] = task.Deadline - observation.Now;
            for (var m = 0; m < edges; m++)
            {
                work[(u * edges) + m] = observation.EdgeWork(task, m);
            }
        }

        var rates = new double[edges];
        var cores = new int[edges];
        for (var m = 0; m < edges; m++)
        {
            rates[m] = observation.EdgeRate(m);
            cores[m] = observation.EdgeCores(m);
        }

        return new EpochProblem(local, timeLeft, edges, (u, m, k) =>
        {
            var task = batch[u];
            var upload = task.SizeBits / observation.UplinkRateIfStarted(task.Ue, m, 1.0 / k);
            var share = Math.Min(rates[m], rates[m] * cores[m] / k);
            return upload + (work[(u * edges) + m] / share);
        }, settings);
    }

    /// <summary>
    /// Problem (1) from arrays, with Zhou et al.'s formulas: a task on server m shared by k tasks
    /// takes <c>size_u k / fullBandRate_um + work_um k / capacity_m</c>.
    /// </summary>
    /// <param name="localLatency">Local latency of each task, seconds.</param>
    /// <param name="sizeBits">Input size of each task, bits.</param>
    /// <param name="fullBandRate">[u, m]: <c>B_m log2(1 + SINR_um)</c>, the rate with the whole band, bits per second.</param>
    /// <param name="edgeWork">[u, m]: operations task u needs on server m.</param>
    /// <param name="capacity">Total compute of each server, operations per second.</param>
    /// <param name="timeLeft">Time to each task's deadline, seconds, or null for none.</param>
    /// <param name="settings">How the deadline bound enters, or null for none.</param>
    public static EpochProblem FromRates(double[] localLatency, double[] sizeBits, double[,] fullBandRate, double[,] edgeWork, double[] capacity, double[]? timeLeft = null, EpochSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(localLatency);
        ArgumentNullException.ThrowIfNull(sizeBits);
        ArgumentNullException.ThrowIfNull(fullBandRate);
        ArgumentNullException.ThrowIfNull(edgeWork);
        ArgumentNullException.ThrowIfNull(capacity);
        var tasks = localLatency.Length;
        var edges = capacity.Length;
        if (sizeBits.Length != tasks || fullBandRate.GetLength(0) != tasks || fullBandRate.GetLength(1) != edges
            || edgeWork.GetLength(0) != tasks || edgeWork.GetLength(1) != edges)
        {
            throw new ArgumentException($"array shapes disagree with {tasks} tasks and {edges} servers");
        }

        return new EpochProblem(
            localLatency,
            timeLeft ?? Enumerable.Repeat(double.PositiveInfinity, tasks).ToArray(),
            edges,
            (u, m, k) => (sizeBits[u] * k / fullBandRate[u, m]) + (edgeWork[u, m] * k / capacity[m]),
            settings ?? EpochSettings.Default);
    }
}
