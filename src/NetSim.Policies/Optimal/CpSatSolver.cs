using System.Diagnostics;
using System.Globalization;
using Google.OrTools.Sat;

namespace NetSim.Policies.Optimal;

/// <summary>
/// Solves an <see cref="EpochProblem"/> exactly with OR-Tools CP-SAT under a time limit.
/// <para>
/// Formulation. The products of problem (1) (a task's latency depends on how many tasks share its
/// server) are linearised by enumerating the count: for each server m and count k a literal
/// <c>c[m,k]</c> (at most one per server; none means m is unused), and for each task u a literal
/// <c>y[u,m,k]</c>, "u is on m and m holds k tasks", with <c>sum_u y[u,m,k] = k c[m,k]</c> and
/// <c>y[u,m,k] implies c[m,k]</c>; each task takes exactly one of its local literal and its
/// <c>y</c> literals, and the objective <c>sum cost(u, local) x[u] + sum cost(u, m, k) y[u,m,k]</c>
/// is linear. When edge latencies do not decrease with k (<see cref="EpochProblem.IsMonotone"/>),
/// options costlier than running the task locally are left out: moving such a task home lowers its
/// own cost and no other task's, so an optimum never uses them. Counts no set of tasks can fill are
/// left out too. Hard deadlines remove the options that miss them.
/// </para>
/// <para>
/// Scaling. Costs in seconds become integers in units of <c>unit = maxCost / 1e6</c> (the largest
/// cost of any option left in the model), rounded to nearest, so each term is off by at most
/// unit / 2 and the total of any assignment by at most U unit / 2. The assignment CP-SAT proves
/// optimal for the rounded costs is therefore within U unit of the true optimum in total, that is
/// within <c>unit</c> seconds in mean latency (<see cref="EpochSolution.ScalingError"/>), and the
/// proven bound is <c>bestBound unit / U - unit / 2</c>.
/// </para>
/// <para>
/// Determinism. One worker thread and a fixed random seed: a search that ends by proving optimality
/// gives the same assignment on every run. Only a search cut by the wall-clock time limit may end at
/// a different incumbent on a slower or busier machine.
/// </para>
/// </summary>
public static class CpSatSolver
{
    /// <summary>Steps of the integer scale between 0 and the largest cost.</summary>
    public const double Resolution = 1e6;

    /// <summary>Solves <paramref name="problem"/>, stopping after <paramref name="timeLimitSeconds"/> of search.</summary>
    public static EpochSolution Solve(EpochProblem problem, double timeLimitSeconds, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (!(timeLimitSeconds > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(timeLimitSeconds), timeLimitSeconds, "the time limit must be positive");
        }

        var watch = Stopwatch.StartNew();
        var tasks = problem.TaskCount;
        if (tasks == 0)
        {
            return new EpochSolution([], SolveStatus.Optimal, 0, 0, 0, 0);
        }

        var options = OptionSet.Of(problem);
        if (options.Unassignable >= 0)
        {
            return Infeasible(watch);
        }

        var unit = options.MaxCost > 0 ? options.MaxCost / Resolution : 1.0;
        var model = new CpModel();
        var objective = LinearExpr.NewBuilder();
        var perTask = new List<ILiteral>[tasks];
        for (var u = 0; u < tasks; u++)
        {
            perTask[u] = new List<ILiteral>();
        }

        var local = new BoolVar?[tasks];
        for (var u = 0; u < tasks; u++)
        {
            if (options.LocalAllowed[u])
            {
                local[u] = model.NewBoolVar(string.Empty);
                perTask[u].Add(local[u]!);
                objective.AddTerm(local[u]!, Scaled(problem.LocalCost(u), unit));
            }
        }

        var onEdge = new List<(int Task, int Edge, BoolVar Literal)>();
        var countsOf = new List<ILiteral>[problem.EdgeCount];
        for (var m = 0; m < problem.EdgeCount; m++)
        {
            countsOf[m] = new List<ILiteral>();
        }

        foreach (var (m, k, members) in options.Counts)
        {
            var count = model.NewBoolVar(string.Empty);
            var sum = LinearExpr.NewBuilder();
            foreach (var u in members)
            {
                var y = model.NewBoolVar(string.Empty);
                perTask[u].Add(y);
                sum.Add(y);
                model.AddImplication(y, count);
                objective.AddTerm(y, Scaled(problem.EdgeCost(u, m, k), unit));
                onEdge.Add((u, m, y));
            }

            sum.AddTerm(count, -k);
            model.Add(sum == 0);
            countsOf[m].Add(count);
        }

        for (var m = 0; m < problem.EdgeCount; m++)
        {
            model.AddAtMostOne(countsOf[m]);
        }

        for (var u = 0; u < tasks; u++)
        {
            model.AddExactlyOne(perTask[u]);
            if (options.AllLocalFeasible)
            {
                model.AddHint(local[u]!, 1);
            }
        }

        model.Minimize(objective);
        var solver = new CpSolver
        {
            StringParameters = string.Create(CultureInfo.InvariantCulture, $"num_workers:1 random_seed:{seed} max_time_in_seconds:{timeLimitSeconds:R}"),
        };
        var status = solver.Solve(model);
        if (status == CpSolverStatus.ModelInvalid)
        {
            throw new InvalidOperationException($"CP-SAT refused the epoch model: {model.Validate()}");
        }

        if (status == CpSolverStatus.Infeasible)
        {
            return Infeasible(watch);
        }

        var bound = Math.Max(problem.TrivialLowerBound, (solver.BestObjectiveBound * unit / tasks) - (unit / 2));
        int[] assignment;
        if (status is CpSolverStatus.Optimal or CpSolverStatus.Feasible)
        {
            assignment = new int[tasks];
            Array.Fill(assignment, EpochProblem.Local);
            foreach (var (u, m, y) in onEdge)
            {
                if (solver.BooleanValue(y))
                {
                    assignment[u] = m;
                }
            }
        }
        else if (options.AllLocalFeasible)
        {
            assignment = Enumerable.Repeat(EpochProblem.Local, tasks).ToArray();
        }
        else
        {
            return new EpochSolution([], SolveStatus.Unknown, double.PositiveInfinity, bound, unit, watch.Elapsed.TotalSeconds);
        }

        var value = problem.Evaluate(assignment);
        var proven = status == CpSolverStatus.Optimal ? SolveStatus.Optimal : SolveStatus.Feasible;
        return new EpochSolution(assignment, proven, value, Math.Min(bound, value), unit, watch.Elapsed.TotalSeconds);
    }

    private static long Scaled(double cost, double unit) => (long)Math.Round(cost / unit, MidpointRounding.AwayFromZero);

    private static EpochSolution Infeasible(Stopwatch watch) =>
        new([], SolveStatus.Infeasible, double.PositiveInfinity, double.PositiveInfinity, 0, watch.Elapsed.TotalSeconds);
}
