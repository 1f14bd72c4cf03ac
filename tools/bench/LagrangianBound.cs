using NetSim.Policies.ScaKkt;

namespace NetSim.Bench;

/// <summary>
/// A lower bound on P1's optimum, computed apart from the solver: for any price λ &gt;= 0 of the
/// edge budget (eq. 1), <c>q(λ) = Σ_n min(min_s R_{n,0}(s), min_s (R_{n,1}(s) + λ s)) - λ S_e^max</c>
/// is at most the optimum (weak duality); q is concave, so a ternary search finds its maximum.
/// Each inner minimum is a golden-section search on a convex function of s.
/// </summary>
internal static class LagrangianBound
{
    public static double Compute(ScaKktProblem problem)
    {
        double low = 0, high = 1;
        while (Used(problem, high) > problem.EdgeStepBudget && high < 1e9)
        {
            high *= 2;
        }

        for (var k = 0; k < 100; k++)
        {
            var a = low + ((high - low) / 3);
            var b = high - ((high - low) / 3);
            if (Dual(problem, a) < Dual(problem, b))
            {
                low = a;
            }
            else
            {
                high = b;
            }
        }

        return Dual(problem, 0.5 * (low + high));
    }

    private static double Dual(ScaKktProblem problem, double price)
    {
        var total = -price * problem.EdgeStepBudget;
        for (var n = 0; n < problem.Count; n++)
        {
            var local = Minimum(s => problem.Cost(n, false, s), problem.MinSteps, problem.MaxSteps(n, false)).Value;
            var edge = Minimum(s => problem.Cost(n, true, s) + (price * s), problem.MinSteps, problem.MaxSteps(n, true)).Value;
            total += Math.Min(local, edge);
        }

        return total;
    }

    private static double Used(ScaKktProblem problem, double price)
    {
        var used = 0.0;
        for (var n = 0; n < problem.Count; n++)
        {
            var local = Minimum(s => problem.Cost(n, false, s), problem.MinSteps, problem.MaxSteps(n, false)).Value;
            var edge = Minimum(s => problem.Cost(n, true, s) + (price * s), problem.MinSteps, problem.MaxSteps(n, true));
            used += edge.Value < local ? edge.At : 0;
        }

        return used;
    }

    private static (double At, double Value) Minimum(Func<double, double> f, double low, double high)
    {
        var ratio = (Math.Sqrt(5) - 1) / 2;
        var x1 = high - (ratio * (high - low));
        var x2 = low + (ratio * (high - low));
        double f1 = f(x1), f2 = f(x2);
        for (var k = 0; k < 80; k++)
        {
            if (f1 < f2)
            {
                high = x2;
                x2 = x1;
                f2 = f1;
                x1 = high - (ratio * (high - low));
                f1 = f(x1);
            }
            else
            {
                low = x1;
                x1 = x2;
                f1 = f2;
                x2 = low + (ratio * (high - low));
                f2 = f(x2);
            }
        }

        var at = 0.5 * (low + high);
        return (at, f(at));
    }
}
