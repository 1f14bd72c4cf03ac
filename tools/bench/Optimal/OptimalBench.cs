using System.Diagnostics;
using System.Globalization;
using NetSim.Network.Building;
using NetSim.Network.Scheduling;
using NetSim.Policies;
using NetSim.Policies.Optimal;

namespace NetSim.Bench.Optimal;

/// <summary>
/// The epoch-optimum section (<c>netsim-bench --optimal</c>): exhaustive enumeration at 8 tasks and
/// 6 targets, CP-SAT on Zhou-like slots of 40 tasks and 5 servers, the optimality gap of the
/// other policies on Zhou-like epochs at N = 10..40, and each policy's simulated mean latency.
/// </summary>
internal static class OptimalBench
{
    public static void Run(bool quick)
    {
        Exhaustive(quick ? 3 : 5);
        CpSat(quick ? 2 : 5);
        Gaps(quick ? 1 : 3, quick ? 2 : 3);
        Simulated(quick ? 1 : 3, quick ? 2 : 3);
    }

    /// <summary>The mean latency each policy achieves in the simulated world (FIFO servers, interference among the batch's own uploads), not under the epoch model.</summary>
    private static void Simulated(int seeds, int slots)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"E4-simulated: mean latency in the simulated world (ms), {seeds} seeds x {slots} slots"));
        var registry = PolicyRegistry.WithBuiltIns();
        PolicyCatalog.AddTo(registry);
        var names = registry.Names.Where(n => n != "exhaustive").ToList();
        Console.WriteLine($"  {"N",3} " + string.Join(" ", names.Select(n => $"{n,16}")));
        foreach (var n in new[] { 10, 25, 40 })
        {
            var cells = new List<string>();
            foreach (var name in names)
            {
                var recorder = new LatencyRecorder();
                for (var seed = 1; seed <= seeds; seed++)
                {
                    var spec = ZhouSlot.Spec(n, 5, (ulong)seed, slots);
                    IPolicy Create(Random random) => registry.Create(new PolicyContext(name, random, new Dictionary<string, object?>(), null, "."));
                    WorldBuilder.Build(spec, Create, recorder).Run();
                }

                cells.Add(string.Create(CultureInfo.InvariantCulture, $"{recorder.Sum / recorder.Count * 1e3,16:F2}"));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {n,3} ") + string.Join(" ", cells));
        }
    }

    private static EpochProblem FirstEpoch(int ues, ulong seed)
    {
        EpochProblem? problem = null;
        ZhouSlot.Run(ZhouSlot.Spec(ues, 5, seed, 1), new FirstEpochCapture(p => problem ??= p));
        return problem ?? throw new InvalidOperationException("no epoch");
    }

    private static void Exhaustive(int repetitions)
    {
        var problem = FirstEpoch(8, 1);
        ExhaustiveSolver.Solve(problem);
        var times = new List<double>();
        EpochSolution? last = null;
        for (var r = 0; r < repetitions; r++)
        {
            last = ExhaustiveSolver.Solve(problem);
            times.Add(last.Seconds);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"E1-exhaustive-8x6: {Math.Pow(6, 8):N0} assignments, median {Median(times) * 1e3:F1} ms (target < 1000 ms), optimum {last!.Objective * 1e3:F3} ms"));
    }

    private static void CpSat(int seeds)
    {
        FirstEpoch(10, 99);
        Console.WriteLine("E2-optimal-40x5: CP-SAT, 1 worker, limit 10 s (target: proven optimal within 10 s)");
        for (var seed = 1; seed <= seeds; seed++)
        {
            var problem = FirstEpoch(40, (ulong)seed);
            var solution = CpSatSolver.Solve(problem, 10);
            var edge = solution.Assignment.Count(t => t != EpochProblem.Local);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  seed {seed}: {solution.Status,-8} {solution.Seconds * 1e3,8:F1} ms  objective {solution.Objective * 1e3:F4} ms  bound {solution.Bound * 1e3:F4} ms  gap {solution.RelativeGap:P4}  scaling error {solution.ScalingError * 1e9:F1} ns  offloaded {edge}/40"));
        }

        Console.WriteLine("E2b-optimal-larger: the same slot model beyond the papers' N, seed 1");
        foreach (var ues in new[] { 80, 160, 320 })
        {
            var solution = CpSatSolver.Solve(FirstEpoch(ues, 1), 10);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  N={ues,3}: {solution.Status,-8} {solution.Seconds * 1e3,8:F1} ms  gap {solution.RelativeGap:P4}"));
        }
    }

    private static void Gaps(int seeds, int slots)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"E3-gaps: mean over {seeds} seeds x {slots} slots of (policy - optimum) / optimum under the epoch model; optimum in ms"));
        var registry = PolicyRegistry.WithBuiltIns();
        PolicyCatalog.AddTo(registry);
        var names = registry.Names.Where(n => n is not "optimal" and not "exhaustive").ToList();
        Console.WriteLine($"  {"N",3} {"optimum",9} {"cp-sat max",10} " + string.Join(" ", names.Select(n => $"{n,16}")));
        for (var n = 10; n <= 40; n += 5)
        {
            var gaps = new Dictionary<string, List<double>>();
            var optimum = new List<double>();
            var longest = 0.0;
            for (var seed = 1; seed <= seeds; seed++)
            {
                var contenders = names.Select(name => registry.Create(new PolicyContext(name, new Random(seed), new Dictionary<string, object?>(), null, "."))).ToList();
                var scorer = new EpochScorer(contenders, 10);
                ZhouSlot.Run(ZhouSlot.Spec(n, 5, (ulong)seed, slots), scorer);
                for (var e = 0; e < scorer.Solutions.Count; e++)
                {
                    var best = scorer.Solutions[e].Objective;
                    optimum.Add(best);
                    longest = Math.Max(longest, scorer.Solutions[e].Seconds);
                    foreach (var (name, scores) in scorer.Scores)
                    {
                        gaps.TryAdd(name, new List<double>());
                        gaps[name].Add((scores[e] - best) / best);
                    }
                }
            }

            var cells = gaps.Select(kv => kv.Value.Any(double.IsNaN) ? $"{"outside model",16}" : string.Create(CultureInfo.InvariantCulture, $"{kv.Value.Average(),16:P1}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {n,3} {optimum.Average() * 1e3,9:F2} {longest * 1e3,8:F0}ms ") + string.Join(" ", cells));
        }
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
