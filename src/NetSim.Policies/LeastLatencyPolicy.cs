using NetSim.Network.Scheduling;
using NetSim.Network.Tasks;

namespace NetSim.Policies;

/// <summary>
/// <c>least-latency</c>: beyond the papers. Like Zhou et al.'s greedy it sends each task to the
/// option of least estimated completion time, but the estimate (<see cref="LatencyEstimator"/>)
/// counts what the greedy ignores: the backlogs queued on the device, edge servers, backhauls and
/// the cloud; the uploads already sharing each base station's band (the rate the upload would get
/// now); whether the edge holds the task's model, is fetching it, or must download it over a busy
/// backhaul; the model switch time; and the cloud route through the UE's best base station. Tasks
/// of one epoch are decided in order and each decision's load (<see cref="EpochLoad"/>) is counted
/// for the tasks after it. With partial offloading it also picks the ratio, from 0.1 to 1 in steps
/// of 0.1, the task finishing when both its parts have. Ties go to local, then edges by index, then
/// the cloud.
/// <para>
/// Reads, through <see cref="LatencyEstimator"/>: <see cref="Observation.EdgeCount"/>,
/// <see cref="Observation.HasCloud"/>, <see cref="Observation.PartialOffloading"/>,
/// <see cref="Observation.UeRate"/>, <see cref="Observation.UeBacklogOps"/>,
/// <see cref="Observation.DeviceWork"/>, <see cref="Observation.EdgeWork"/>,
/// <see cref="Observation.EdgeRate"/>, <see cref="Observation.EdgeCores"/>,
/// <see cref="Observation.EdgeBacklogOps"/>, <see cref="Observation.EdgeSwitchTime"/>,
/// <see cref="Observation.ActiveUploads"/>, <see cref="Observation.UplinkRateIfStarted(int, int, double, double)"/>,
/// <see cref="Observation.UeTxPower"/>, <see cref="Observation.Gain"/>,
/// <see cref="Observation.HasModel"/>, <see cref="Observation.IsDownloading"/>,
/// <see cref="Observation.BackhaulRate"/>, <see cref="Observation.BackhaulDelay"/>,
/// <see cref="Observation.BackhaulBacklogBits"/>, <see cref="Observation.BestStation"/>,
/// <see cref="Observation.CloudWork"/>, <see cref="Observation.CloudRate"/>,
/// <see cref="Observation.CloudCores"/> and <see cref="Observation.CloudBacklogOps"/>.
/// </para>
/// </summary>
public sealed class LeastLatencyPolicy : IPolicy
{
    /// <inheritdoc />
    public string Name => "least-latency";

    /// <inheritdoc />
    public IReadOnlyList<Assignment> Decide(Observation observation, IReadOnlyList<TaskView> batch)
    {
        var estimator = new LatencyEstimator(observation);
        var ratios = observation.PartialOffloading
            ? Enumerable.Range(1, 10).Select(k => k / 10.0).ToArray()
            : [1.0];
        var result = new Assignment[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var task = batch[i];
            var (best, bestLatency) = Best(observation, estimator, task, ratios, observation.StationsInRange(task.Ue), all: false);

            // A station out of range takes longer than this just to receive the smallest part of
            // the task; when the best found is not faster, scan every station (the same answer as
            // scanning all at once, as the options skipped are all slower).
            if (!(bestLatency < ratios[0] * task.SizeBits / observation.OutOfRangeRateBound))
            {
                (best, _) = Best(observation, estimator, task, ratios, [], all: true);
            }

            estimator.Commit(task, best);
            result[i] = best;
        }

        return result;
    }

    /// <summary>The option of least estimate among local, the cloud and <paramref name="stations"/> (or every station), first found on ties.</summary>
    private static (Assignment Best, double Latency) Best(Observation observation, LatencyEstimator estimator, in TaskView task, double[] ratios, ReadOnlySpan<int> stations, bool all)
    {
        var best = Assignment.Local(task.Id);
        var bestLatency = estimator.Local(task, 1.0);
        var count = all ? observation.EdgeCount : stations.Length;
        foreach (var ratio in ratios)
        {
            for (var i = 0; i < count; i++)
            {
                var m = all ? i : stations[i];
                var latency = estimator.Edge(task, m, ratio);
                if (latency < bestLatency)
                {
                    bestLatency = latency;
                    best = Assignment.Edge(task.Id, m, ratio);
                }
            }

            if (observation.HasCloud && observation.EdgeCount > 0)
            {
                var latency = estimator.Cloud(task, ratio);
                if (latency < bestLatency)
                {
                    bestLatency = latency;
                    best = Assignment.Cloud(task.Id, ratio);
                }
            }
        }

        return (best, bestLatency);
    }
}
