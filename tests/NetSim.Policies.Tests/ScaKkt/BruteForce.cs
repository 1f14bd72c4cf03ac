using NetSim.Policies.ScaKkt;

namespace NetSim.Policies.Tests.ScaKkt;

/// <summary>
/// The optimum of P1 by enumeration, written apart from the solver: every offloading vector, and
/// for each the optimal continuous steps (P1's s_n are continuous: the paper's KKT analysis
/// differentiates in s_n). Given the vector the steps separate per task up to one price λ of the
/// shared edge budget (eq. 1): each s_n minimises <c>R_{n,a_n}(s) + λ a_n s</c> on its interval,
/// found by bisection on the derivative (R is convex), and λ by bisection on the budget.
/// </summary>
internal static class BruteForce
{
    private const int Bisections = 60;

    public static (double Objective, bool[] Offload, double[] Steps) Solve(ScaKktProblem problem)
    {
        var n = problem.Count;
        var best = (Objective: double.PositiveInfinity, Offload: new bool[n], Steps: new double[n]);
        var offload = new bool[n];
        var steps = new double[n];
        for (var mask = 0; mask < 1 << n; mask++)
        {
            var offloaded = 0;
            for (var i = 0; i < n; i++)
            {
                offload[i] = (mask & (1 << i)) != 0;
                offloaded += offload[i] ? 1 : 0;
            }

            if (offloaded * problem.MinSteps > problem.EdgeStepBudget)
            {
                continue;
            }

            Allocate(problem, offload, steps);
            var value = problem.Objective(offload, steps);
            if (value < best.Objective)
            {
                best = (value, (bool[])offload.Clone(), (double[])steps.Clone());
            }
        }

        return best;
    }

    private static void Allocate(ScaKktProblem problem, bool[] offload, double[] steps)
    {
        if (Fill(problem, offload, 0, steps) <= problem.EdgeStepBudget)
        {
            return;
        }

        double low = 0, high = 1;
        while (Fill(problem, offload, high, steps) > problem.EdgeStepBudget)
        {
            low = high;
            high *= 2;
        }

        for (var k = 0; k < Bisections; k++)
        {
            var mid = 0.5 * (low + high);
            if (Fill(problem, offload, mid, steps) > problem.EdgeStepBudget)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        Fill(problem, offload, high, steps);
    }

    private static double Fill(ScaKktProblem problem, bool[] offload, double lambda, double[] steps)
    {
        var used = 0.0;
        for (var i = 0; i < problem.Count; i++)
        {
            var price = offload[i] ? lambda : 0;
            double low = problem.MinSteps, high = problem.MaxSteps(i, offload[i]);
            for (var k = 0; k < Bisections; k++)
            {
                var mid = 0.5 * (low + high);
                if (Slope(problem, i, offload[i], mid) + price > 0)
                {
                    high = mid;
                }
                else
                {
                    low = mid;
                }
            }

            steps[i] = 0.5 * (low + high);
            used += offload[i] ? steps[i] : 0;
        }

        return used;
    }

    /// <summary>Derivative of R_{n,r} by a central difference of the paper's cost (independent of the solver's own derivative).</summary>
    private static double Slope(ScaKktProblem problem, int n, bool offload, double s)
    {
        const double h = 1e-5;
        return (problem.Cost(n, offload, s + h) - problem.Cost(n, offload, s - h)) / (2 * h);
    }
}
