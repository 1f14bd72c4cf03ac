using System.Diagnostics;
using System.Globalization;
using NetSim.Policies.ScaKkt;

namespace NetSim.Bench;

/// <summary>
/// <c>netsim-bench --sca-kkt</c>: wall time of the sca-kkt optimiser on one batch of the wang2024
/// scenario's parameters (f_n drawn in [1, 2] GHz so the tasks differ, S_e^max scaled with N so
/// that eq. 1 binds as it does at N = 30), median of five runs after a warm-up, with the gap to a
/// Lagrangian lower bound on the optimum. Run it on one core with <c>taskset -c 0</c>.
/// </summary>
internal static class ScaKktBenchmark
{
    public static void Run()
    {
        Console.WriteLine($"{"N",6} {"",12} {"median ms",10} {"min ms",8} {"outer",6} {"inner",6} {"flips",6} {"objective",12} {"Alg. 3 alone",12} {"offloaded",9} {"dual bound",12} {"gap <=",8}");
        var bounds = new Dictionary<int, double>();
        foreach (var (count, flips) in new[] { (30, true), (30, false), (1000, true), (1000, false) })
        {
            var problem = Instance(count);
            if (!bounds.TryGetValue(count, out var bound))
            {
                bound = LagrangianBound.Compute(problem);
                bounds[count] = bound;
            }

            var settings = flips ? ScaKktSettings.Default : ScaKktSettings.Default with { FlipRounds = 0 };
            ScaKktSolver.Solve(problem, settings);
            var times = new List<double>();
            ScaKktSolution? solution = null;
            for (var r = 0; r < 5; r++)
            {
                var watch = Stopwatch.StartNew();
                solution = ScaKktSolver.Solve(problem, settings);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            times.Sort();
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{count,6} {(flips ? "" : "Alg. 3 alone"),12} {times[2],10:F2} {times[0],8:F2} {solution!.OuterIterations,6} {solution.InnerIterations,6} {solution.Flips,6} {solution.Objective,12:F4} {solution.PaperObjective,12:F4} {solution.Offload.Count(x => x),9} {bound,12:F4} {100 * (solution.Objective - bound) / Math.Abs(bound),7:F3}%"));
        }
    }

    private static ScaKktProblem Instance(int count)
    {
        var random = new Random(2024);
        var tasks = new ScaKktTask[count];
        const double g = 10e9, k = 1e-26, dtLocal = 1.0 / 500, dtEdge = 1.0 / 1000;
        for (var n = 0; n < count; n++)
        {
            var f = 1e9 + (1e9 * random.NextDouble());
            tasks[n] = new ScaKktTask(dtLocal, dtEdge, k * f * f * f * dtLocal, k * g * g * g * dtEdge, 1, 0.1, 0.05, 20, 100);
        }

        return new ScaKktProblem(tasks, 1000.0 * count / 30, 1, new ScaKktWeights(1, 1, 1e-3, 0.3, 0.7));
    }
}
