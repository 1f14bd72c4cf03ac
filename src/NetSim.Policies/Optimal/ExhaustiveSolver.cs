using System.Diagnostics;

namespace NetSim.Policies.Optimal;

/// <summary>
/// Plain enumeration of every assignment of an <see cref="EpochProblem"/>: (M + 1)^U vectors, each
/// scored with <see cref="EpochProblem.Evaluate"/>, no pruning, so that it can check the CP-SAT
/// solver. Ties go to the first vector in enumeration order (task 0 varying slowest, local before
/// servers 0, 1, ...).
/// </summary>
public static class ExhaustiveSolver
{
    /// <summary>Largest batch enumerated.</summary>
    public const int MaxTasks = 8;

    /// <summary>Solves <paramref name="problem"/> by enumeration; refuses more than <see cref="MaxTasks"/> tasks.</summary>
    public static EpochSolution Solve(EpochProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (problem.TaskCount > MaxTasks)
        {
            throw new ArgumentException($"{problem.TaskCount} tasks: exhaustive enumeration is limited to {MaxTasks} tasks ((M + 1)^U assignments)", nameof(problem));
        }

        var watch = Stopwatch.StartNew();
        var tasks = problem.TaskCount;
        var current = new int[tasks];
        Array.Fill(current, EpochProblem.Local);
        var best = (int[])current.Clone();
        var bestValue = problem.Evaluate(current);
        while (Next(current, problem.EdgeCount))
        {
            var value = problem.Evaluate(current);
            if (value < bestValue)
            {
                bestValue = value;
                Array.Copy(current, best, tasks);
            }
        }

        var seconds = watch.Elapsed.TotalSeconds;
        return double.IsPositiveInfinity(bestValue)
            ? new EpochSolution([], SolveStatus.Infeasible, double.PositiveInfinity, double.PositiveInfinity, 0, seconds)
            : new EpochSolution(best, SolveStatus.Optimal, bestValue, bestValue, 0, seconds);
    }

    /// <summary>Advances <paramref name="vector"/> like an odometer whose last digit turns fastest; false after the last vector.</summary>
    private static bool Next(int[] vector, int edges)
    {
        for (var u = vector.Length - 1; u >= 0; u--)
        {
            if (vector[u] < edges - 1)
            {
                vector[u]++;
                return true;
            }

            vector[u] = EpochProblem.Local;
        }

        return false;
    }
}
