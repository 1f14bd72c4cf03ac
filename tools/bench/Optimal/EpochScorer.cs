using NetSim.Network.Scheduling;
using NetSim.Policies.Optimal;

namespace NetSim.Bench.Optimal;

/// <summary>
/// A policy that, at each epoch, solves the epoch's problem with CP-SAT, scores every contender's
/// decision for the same epoch under the same model, and applies the optimum.
/// </summary>
internal sealed class EpochScorer(IReadOnlyList<IPolicy> contenders, double timeLimit) : IPolicy
{
    public string Name => "optimal";

    public List<EpochSolution> Solutions { get; } = new();

    /// <summary>Per contender name, its objective on each epoch (NaN when outside the model or refused).</summary>
    public Dictionary<string, List<double>> Scores { get; } = contenders.ToDictionary(p => p.Name, _ => new List<double>());

    public IReadOnlyList<Assignment> Decide(Observation observation, IReadOnlyList<TaskView> batch)
    {
        var problem = EpochProblemFactory.FromObservation(observation, batch, EpochSettings.Default);
        var solution = CpSatSolver.Solve(problem, timeLimit);
        Solutions.Add(solution);
        foreach (var policy in contenders)
        {
            int[]? vector;
            try
            {
                vector = EpochAssignments.TryEncode(batch, policy.Decide(observation, batch));
            }
            catch (PolicyException)
            {
                // A policy that cannot decide this world (for example one that needs options) is
                // shown as outside the model rather than ending the benchmark.
                vector = null;
            }

            Scores[policy.Name].Add(vector is null ? double.NaN : problem.Evaluate(vector));
        }

        var result = new Assignment[batch.Count];
        for (var u = 0; u < batch.Count; u++)
        {
            var target = solution.Assignment[u];
            result[u] = target == EpochProblem.Local ? Assignment.Local(batch[u].Id) : Assignment.Edge(batch[u].Id, target);
        }

        return result;
    }
}
