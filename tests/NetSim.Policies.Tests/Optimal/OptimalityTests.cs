using NetSim.Network.Building;
using NetSim.Network.Policies;
using NetSim.Network.Scheduling;
using NetSim.Policies.Optimal;
using NetSim.Policies.Tests.Support;

namespace NetSim.Policies.Tests.Optimal;

public class OptimalityTests
{
    private const int RandomAssignments = 20;

    /// <summary>Every registered policy except the two references, each with its own stream seeded alike (common random numbers).</summary>
    private static List<IPolicy> Contenders(int seed)
    {
        var registry = PolicyRegistry.WithBuiltIns();
        PolicyCatalog.AddTo(registry);
        return registry.Names
            .Where(n => n is not "optimal" and not "exhaustive")
            .Select(n => registry.Create(ZhouWorlds.Context(n, seed)))
            .ToList();
    }

    // On every epoch of small Zhou-like worlds (6 UEs, 3 stations, 3 slots, 5 seeds), the
    // enumeration and CP-SAT optima are scored beside local, nearest, every catalog policy and 20
    // random assignments under the same EpochProblem. Tolerance: CP-SAT's stated scaling error.
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Given_zhou_like_epochs_When_every_policy_is_scored_under_the_epoch_model_Then_none_beats_the_optimum(int seed)
    {
        var contenders = Contenders(seed);
        var random = new Random(seed);
        var epochs = 0;
        var strictlyBetter = 0;
        void Probe(Observation observation, IReadOnlyList<TaskView> batch)
        {
            var problem = EpochProblemFactory.FromObservation(observation, batch, EpochSettings.Default);
            var exact = ExhaustiveSolver.Solve(problem);
            var cpSat = CpSatSolver.Solve(problem, timeLimitSeconds: 30);
            Assert.Equal(SolveStatus.Optimal, cpSat.Status);
            Assert.InRange(cpSat.Objective, exact.Objective - 1e-12, exact.Objective + cpSat.ScalingError + 1e-12);
            foreach (var policy in contenders)
            {
                var vector = EpochAssignments.TryEncode(batch, policy.Decide(observation, batch));
                Assert.True(vector is not null, $"policy {policy.Name} decided outside the epoch model on a world without cloud or partial offloading");
                var value = problem.Evaluate(vector);
                Assert.True(exact.Objective <= value + 1e-12, $"{policy.Name}: {value} below the enumerated optimum {exact.Objective}");
                Assert.True(cpSat.Objective <= value + cpSat.ScalingError + 1e-12, $"{policy.Name}: {value} below the CP-SAT optimum {cpSat.Objective}");
                strictlyBetter += value > exact.Objective + 1e-9 ? 1 : 0;
            }

            for (var r = 0; r < RandomAssignments; r++)
            {
                var vector = Enumerable.Range(0, batch.Count).Select(_ => random.Next(-1, observation.EdgeCount)).ToArray();
                Assert.True(exact.Objective <= problem.Evaluate(vector) + 1e-12);
                Assert.True(cpSat.Objective <= problem.Evaluate(vector) + cpSat.ScalingError + 1e-12);
            }

            epochs++;
        }

        var spec = ZhouWorlds.ZhouLike(ues: 6, stations: 3, seed: (ulong)seed);
        WorldBuilder.Build(spec, r => new EpochProbe(new OptimalPolicy(ZhouWorlds.Context("optimal")), Probe), new ListRecorder()).Run();

        Assert.Equal(3, epochs);
        Assert.Contains(contenders, p => p.Name == "local");
        Assert.Contains(contenders, p => p.Name == "nearest");
        Assert.True(strictlyBetter >= epochs, $"the optimum beat the other policies strictly only {strictlyBetter} times in {epochs} epochs");
    }

    [Fact]
    public void Given_a_zhou_like_slot_of_twenty_tasks_When_optimal_decides_Then_it_proves_optimality_and_beats_local_and_nearest()
    {
        EpochProblem? problem = null;
        int[]? nearest = null;
        var policy = new OptimalPolicy(ZhouWorlds.Context("optimal"));
        var spec = ZhouWorlds.ZhouLike(ues: 20, stations: 5, seed: 9, slots: 1);
        WorldBuilder.Build(
            spec,
            _ => new EpochProbe(policy, (o, b) =>
            {
                problem ??= EpochProblemFactory.FromObservation(o, b, EpochSettings.Default);
                nearest ??= EpochAssignments.TryEncode(b, new NearestPolicy().Decide(o, b));
            }),
            new ListRecorder()).Run();

        Assert.NotNull(problem);
        Assert.NotNull(nearest);
        var solution = policy.LastSolution!;
        Assert.Equal(20, problem.TaskCount);
        Assert.Equal(SolveStatus.Optimal, solution.Status);
        Assert.True(solution.Gap <= solution.ScalingError, $"gap {solution.Gap} above the scaling error {solution.ScalingError}");
        Assert.True(solution.Objective < problem.Evaluate(Enumerable.Repeat(EpochProblem.Local, 20).ToArray()));
        Assert.True(solution.Objective < problem.Evaluate(nearest));
    }
}
