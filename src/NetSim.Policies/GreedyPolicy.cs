using NetSim.Network.Scheduling;

namespace NetSim.Policies;

/// <summary>
/// <c>greedy</c>: the greedy baseline of Zhou et al. (section IV), which "makes decisions based on
/// known information about local processing capability, channel conditions, and edge server
/// computing capabilities". Each task goes, whole, to the option of least estimated latency, with
/// the estimates of their section III-C and no knowledge of queues or of the other tasks decided
/// in the same epoch:
/// <list type="bullet">
/// <item>local: device work / device rate (<c>chi_dev / c_n</c>);</item>
/// <item>edge m: input size / the uplink rate to m if the upload started now, plus edge work /
/// edge core rate (<c>mu_pkt / r_nm + chi_ser / c_m</c>).</item>
/// </list>
/// Ties go to local, then to the lowest edge index. The cloud is not an option (the paper has none).
/// The stations in range of the UE are estimated first, the others only when none of those beats
/// the time a station out of range would take to receive the task (<see cref="Observation.OutOfRangeRateBound"/>).
/// <para>
/// Reads <see cref="Observation.EdgeCount"/>, <see cref="Observation.UeRate"/>,
/// <see cref="Observation.DeviceWork"/>, <see cref="Observation.EdgeWork"/>,
/// <see cref="Observation.EdgeRate"/> and <see cref="Observation.UplinkRateIfStarted(int, int, double)"/>.
/// </para>
/// </summary>
public sealed class GreedyPolicy : IPolicy
{
    /// <inheritdoc />
    public string Name => "greedy";

    /// <summary>Zhou et al.'s local latency estimate of <paramref name="task"/>, seconds.</summary>
    public static double LocalEstimate(Observation observation, in TaskView task) =>
        observation.DeviceWork(task) / observation.UeRate(task.Ue);

    /// <summary>Zhou et al.'s latency estimate of <paramref name="task"/> on edge <paramref name="edge"/>, seconds.</summary>
    public static double EdgeEstimate(Observation observation, in TaskView task, int edge) =>
        (task.SizeBits / observation.UplinkRateIfStarted(task.Ue, edge)) + (observation.EdgeWork(task, edge) / observation.EdgeRate(edge));

    /// <inheritdoc />
    public IReadOnlyList<Assignment> Decide(Observation observation, IReadOnlyList<TaskView> batch)
    {
        var result = new Assignment[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var task = batch[i];
            var local = LocalEstimate(observation, task);
            var (best, bestLatency) = Best(observation, task, local, observation.StationsInRange(task.Ue), all: false);

            // A station out of range takes longer than this just to receive the task; when the
            // best in range is not faster, scan them all (the same answer as scanning all at once).
            if (!(bestLatency < task.SizeBits / observation.OutOfRangeRateBound))
            {
                (best, _) = Best(observation, task, local, [], all: true);
            }

            result[i] = best < 0 ? Assignment.Local(task.Id) : Assignment.Edge(task.Id, best);
        }

        return result;
    }

    /// <summary>The edge of least estimate below <paramref name="local"/> among <paramref name="stations"/> (or every station), lowest index first on ties, or -1.</summary>
    private static (int Edge, double Latency) Best(Observation observation, in TaskView task, double local, ReadOnlySpan<int> stations, bool all)
    {
        var best = -1;
        var bestLatency = local;
        var count = all ? observation.EdgeCount : stations.Length;
        for (var i = 0; i < count; i++)
        {
            var m = all ? i : stations[i];
            var latency = EdgeEstimate(observation, task, m);
            if (latency < bestLatency)
            {
                bestLatency = latency;
                best = m;
            }
        }

        return (best, bestLatency);
    }
}
