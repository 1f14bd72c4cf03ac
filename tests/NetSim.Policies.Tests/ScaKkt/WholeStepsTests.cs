using NetSim.Policies.ScaKkt;

namespace NetSim.Policies.Tests.ScaKkt;

public sealed class WholeStepsTests
{
    [Fact]
    public void Given_small_instances_When_steps_are_rounded_to_whole_steps_Then_they_match_enumeration_of_every_whole_allocation()
    {
        // Ten seeded instances of four tasks with step limits of at most 6 (device) and 24 (edge) and
        // a budget of 15 steps, so that eq. 1 binds in several; for the solver's offloading every
        // whole allocation within eqs. 1 and 2 is enumerated. Tolerance 1e-12: both sides evaluate
        // the same sums of exponentials.
        var binding = 0;
        for (var seed = 1; seed <= 10; seed++)
        {
            var problem = Shrunk(RandomInstances.Make(100 + seed, 4));
            var solution = ScaKktSolver.Solve(problem);
            var best = double.PositiveInfinity;
            var steps = new double[problem.Count];
            void Enumerate(int n, double used)
            {
                if (n == problem.Count)
                {
                    best = Math.Min(best, problem.Objective(solution.Offload, steps));
                    return;
                }

                for (var s = 1; s <= (int)problem.MaxSteps(n, solution.Offload[n]); s++)
                {
                    var next = used + (solution.Offload[n] ? s : 0);
                    if (next > problem.EdgeStepBudget)
                    {
                        break;
                    }

                    steps[n] = s;
                    Enumerate(n + 1, next);
                }
            }

            Enumerate(0, 0);
            binding += Enumerable.Range(0, problem.Count).Where(n => solution.Offload[n]).Sum(n => solution.Steps[n]) > problem.EdgeStepBudget - 1e-6 ? 1 : 0;
            Assert.True(problem.IsFeasible(solution.Offload, Array.ConvertAll(solution.WholeSteps, x => (double)x), 0, out var violation), violation);
            Assert.Equal(best, solution.WholeObjective, 1e-12);
        }

        Assert.True(binding >= 3, $"eq. 1 binds in {binding} of 10 instances");
    }

    /// <summary>The same tasks with step limits cut to at most 6 (device) and 24 (edge) and a budget of 15.</summary>
    private static ScaKktProblem Shrunk(ScaKktProblem problem) =>
        new(problem.Tasks.Select(t => t with { MaxStepsLocal = Math.Min(t.MaxStepsLocal, 6), MaxStepsEdge = Math.Min(t.MaxStepsEdge, 24) }).ToArray(), 15, 1, problem.Weights);
}
