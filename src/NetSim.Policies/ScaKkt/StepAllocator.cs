namespace NetSim.Policies.ScaKkt;

/// <summary>
/// The exact steps of P1 once the offloading is fixed: minimise <c>Σ R_{n,a_n}(s_n)</c> over
/// <c>s_min &lt;= s_n &lt;= S_{n,a_n}^max</c> (eq. 2) with <c>Σ_{a_n = 1} s_n &lt;= S_e^max</c> (eq. 1).
/// Each R is convex, so one multiplier λ of eq. 1 separates the tasks: s_n(λ) solves
/// <c>R'(s) + λ a_n = 0</c> on its interval, and λ is 0 or the root of the budget (<see cref="PriceRoot"/>).
/// </summary>
internal static class StepAllocator
{
    private const double Tolerance = 1e-11;

    /// <summary>Whether the offloaded tasks fit the budget at their least steps.</summary>
    public static bool Fits(ScaKktProblem problem, IReadOnlyList<bool> offload)
    {
        var count = 0;
        for (var n = 0; n < problem.Count; n++)
        {
            count += offload[n] ? 1 : 0;
        }

        return count * problem.MinSteps <= problem.EdgeStepBudget;
    }

    /// <summary>The optimal continuous steps for <paramref name="offload"/>, which must <see cref="Fits"/>.</summary>
    public static double[] Allocate(ScaKktProblem problem, IReadOnlyList<bool> offload)
    {
        var steps = new double[problem.Count];
        Allocate(problem, offload, steps, 0, out _);
        return steps;
    }

    /// <summary>
    /// Fills <paramref name="steps"/> (whose values warm-start the search) with the optimal
    /// continuous steps for <paramref name="offload"/>, which must <see cref="Fits"/>; returns P1's
    /// objective and the price λ of eq. 1 (<paramref name="hint"/>, a previous price, narrows its search).
    /// </summary>
    public static double Allocate(ScaKktProblem problem, IReadOnlyList<bool> offload, double[] steps, double hint, out double price)
    {
        if (!Fits(problem, offload))
        {
            throw new ArgumentException("the offloaded tasks exceed S_e^max even at their least steps", nameof(offload));
        }

        price = 0;
        if (Used(problem, offload, 0, steps) > problem.EdgeStepBudget)
        {
            price = Price(problem, offload, steps, hint);
        }

        return problem.Objective(offload, steps);
    }

    /// <summary>Sets the steps at the price λ &gt; 0 of eq. 1 that spends the budget exactly, and returns it.</summary>
    private static double Price(ScaKktProblem problem, IReadOnlyList<bool> offload, double[] steps, double hint)
    {
        // At λ = ceiling every offloaded task is at its least steps, which fit.
        var ceiling = 0.0;
        for (var n = 0; n < problem.Count; n++)
        {
            if (offload[n])
            {
                problem.Costs[n].Slope(true, problem.MinSteps, out var first, out _);
                ceiling = Math.Max(ceiling, -first);
            }
        }

        ceiling = (2 * ceiling) + 1e-12;
        double Excess(double l) => Used(problem, offload, l, steps) - problem.EdgeStepBudget;
        double low = 0, high = ceiling;
        if (hint > 0 && hint < ceiling)
        {
            if (Excess(hint) > 0)
            {
                low = hint;
                high = Math.Min(ceiling, 1.25 * hint);
                while (high < ceiling && Excess(high) > 0)
                {
                    low = high;
                    high = Math.Min(ceiling, 2 * high);
                }
            }
            else
            {
                high = hint;
                low = 0.8 * hint;
                while (low > 1e-15 && Excess(low) <= 0)
                {
                    high = low;
                    low *= 0.5;
                }

                low = low > 1e-15 ? low : 0;
            }
        }

        var lambda = PriceRoot.Find(Excess, low, high);
        Used(problem, offload, lambda, steps);
        return lambda;
    }

    /// <summary>Fills the steps for multiplier <paramref name="lambda"/>; returns the edge steps used.</summary>
    private static double Used(ScaKktProblem problem, IReadOnlyList<bool> offload, double lambda, double[] steps)
    {
        var used = 0.0;
        for (var n = 0; n < problem.Count; n++)
        {
            var at = offload[n];
            var f = new CostSlope(problem.Costs[n], at, at ? lambda : 0);
            steps[n] = MonotoneRoot.Find(f, problem.MinSteps, problem.MaxSteps(n, at), steps[n], Tolerance);
            used += at ? steps[n] : 0;
        }

        return used;
    }
}
