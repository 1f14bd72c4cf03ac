using NetSim.Policies.ScaKkt;
using Xunit.Abstractions;

namespace NetSim.Policies.Tests.ScaKkt;

public sealed class BruteForceGapTests(ITestOutputHelper output)
{
    [Fact]
    public void Given_random_instances_up_to_twelve_tasks_When_solved_Then_the_mean_gap_to_enumeration_is_below_two_percent_and_every_constraint_holds()
    {
        // Tolerance: the 2 % on the mean relative gap; each gap is also at least -1e-6
        // (no answer may beat enumeration), and every constraint holds to 1e-6 steps.
        var gaps = new List<double>();
        var paperGaps = new List<double>();
        for (var seed = 1; seed <= 24; seed++)
        {
            var problem = RandomInstances.Make(seed, 4 + (seed % 9));
            var solution = ScaKktSolver.Solve(problem);
            var optimum = BruteForce.Solve(problem);

            Assert.True(problem.IsFeasible(solution.Offload, solution.Steps, 1e-6, out var violation), $"seed {seed}: {violation}");
            Assert.True(problem.IsFeasible(solution.Offload, Array.ConvertAll(solution.WholeSteps, x => (double)x), 0, out violation), $"seed {seed} (whole steps): {violation}");
            Assert.True(solution.Objective >= optimum.Objective - 1e-6, $"seed {seed}: {solution.Objective} below the optimum {optimum.Objective}");
            var gap = (solution.Objective - optimum.Objective) / Math.Abs(optimum.Objective);
            gaps.Add(gap);
            paperGaps.Add((solution.PaperObjective - optimum.Objective) / Math.Abs(optimum.Objective));
            output.WriteLine($"seed {seed,2} N={problem.Count,2}: sca-kkt {solution.Objective:F6} optimum {optimum.Objective:F6} gap {100 * gap:F3}% offloaded {solution.Offload.Count(x => x)} vs {optimum.Offload.Count(x => x)}; {solution.OuterIterations} outer, {solution.InnerIterations} inner; before flips {100 * (solution.PaperObjective - optimum.Objective) / Math.Abs(optimum.Objective):F3}% ({solution.Flips} flips)");
        }

        output.WriteLine($"mean gap {100 * gaps.Average():F3}%, worst {100 * gaps.Max():F3}%; Algorithm 3 alone: mean {100 * paperGaps.Average():F3}%, worst {100 * paperGaps.Max():F3}%");
        Assert.True(gaps.Average() < 0.02, $"mean gap {100 * gaps.Average():F3}%");
    }
}
