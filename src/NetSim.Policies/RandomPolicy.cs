using NetSim.Network.Scheduling;

namespace NetSim.Policies;

/// <summary>
/// <c>random</c>: the random-offloading baseline of Zhou et al. (section IV), "tasks originated by
/// each UE are randomly assigned to an edge server or processed locally": each task goes to one of
/// the <c>M + 1</c> places (its device or one of the M edge servers) with equal probability
/// <c>1 / (M + 1)</c>. When the scenario allows partial offloading, it is the random baseline of
/// Wang, Li and Wang (section IV-A), which "randomly selects offloading targets and ratios without
/// considering model compatibility": a uniformly chosen edge server and a ratio uniform in [0, 1).
/// Neither paper's random baseline sends tasks to the cloud, so this one never does. Downloads of
/// missing models are allowed (the baseline ignores caches).
/// <para>
/// Reads <see cref="Observation.EdgeCount"/> and <see cref="Observation.PartialOffloading"/>; draws
/// only from <see cref="PolicyContext.Random"/> (the run's <c>policy</c> stream), one draw per task
/// (two with partial offloading), so a run is reproducible from its seed.
/// </para>
/// </summary>
public sealed class RandomPolicy : IPolicy
{
    private readonly Random _random;

    /// <param name="random">The policy's own random stream.</param>
    public RandomPolicy(Random random) => _random = random;

    /// <inheritdoc />
    public string Name => "random";

    /// <inheritdoc />
    public IReadOnlyList<Assignment> Decide(Observation observation, IReadOnlyList<TaskView> batch)
    {
        var edges = observation.EdgeCount;
        var partial = observation.PartialOffloading;
        var result = new Assignment[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var id = batch[i].Id;
            if (edges == 0)
            {
                result[i] = Assignment.Local(id);
            }
            else if (partial)
            {
                var edge = _random.Next(edges);
                result[i] = Assignment.Edge(id, edge, _random.NextDouble());
            }
            else
            {
                var choice = _random.Next(edges + 1);
                result[i] = choice == edges ? Assignment.Local(id) : Assignment.Edge(id, choice);
            }
        }

        return result;
    }
}
