namespace NetSim.Policies.ScaKkt;

/// <summary>
/// Beyond the paper (ambiguity A8): a local search over the offloading that starts from
/// Algorithm 3's rounded answer and only ever accepts a change that lowers P1's exact objective
/// (steps re-optimised by <see cref="StepAllocator"/>), so it can only improve on the paper's answer.
/// Each round ranks the tasks by the gain of flipping them (device to edge or back) at the current
/// price λ of the edge budget, the Lagrangian reduced cost <c>±(L_n - E_n(λ))</c> with
/// <c>L_n = min R_{n,0}</c> and <c>E_n(λ) = min (R_{n,1}(s) + λ s)</c>; it tries all tasks of
/// positive gain at once, then the better half, quarter and so on, then single flips of the next
/// best-ranked tasks; the first improvement is kept. It stops when a round finds none or after
/// <c>maxRounds</c> rounds.
/// </summary>
internal static class FlipSearch
{
    private const int Window = 16;
    private const double Tolerance = 1e-11;

    /// <summary>Improves <paramref name="offload"/> in place; returns the number of tasks flipped.</summary>
    public static int Improve(ScaKktProblem problem, bool[] offload, int maxRounds)
    {
        var count = problem.Count;
        if (maxRounds == 0 || count == 0)
        {
            return 0;
        }

        var local = LocalCosts(problem);
        var steps = new double[count];
        var current = StepAllocator.Allocate(problem, offload, steps, 0, out var price);
        var trial = new double[count];
        var gain = new double[count];
        var order = new int[count];
        var edgeSteps = new double[count];
        var flipped = 0;
        for (var round = 0; round < maxRounds; round++)
        {
            var positives = Rank(problem, offload, local, price, gain, order, edgeSteps);
            var accepted = 0;
            for (var batch = positives; batch >= 1 && accepted == 0; batch /= 2)
            {
                accepted = Try(problem, offload, order, 0, batch, steps, trial, ref current, ref price);
            }

            for (var j = positives > 0 ? 1 : 0; j < Math.Min(count, Window) && accepted == 0; j++)
            {
                accepted = Try(problem, offload, order, j, 1, steps, trial, ref current, ref price);
            }

            if (accepted == 0)
            {
                break;
            }

            flipped += accepted;
        }

        return flipped;
    }

    /// <summary>
    /// Flips tasks <c>order[first .. first + length)</c>; keeps them when they fit and lower the
    /// objective (returns how many), else flips them back (returns 0).
    /// </summary>
    private static int Try(ScaKktProblem problem, bool[] offload, int[] order, int first, int length, double[] steps, double[] trial, ref double current, ref double price)
    {
        for (var j = first; j < first + length; j++)
        {
            offload[order[j]] = !offload[order[j]];
        }

        if (StepAllocator.Fits(problem, offload))
        {
            Array.Copy(steps, trial, steps.Length);
            var value = StepAllocator.Allocate(problem, offload, trial, price, out var newPrice);
            if (value < current - (1e-12 * Math.Max(1, Math.Abs(current))))
            {
                current = value;
                price = newPrice;
                Array.Copy(trial, steps, steps.Length);
                return length;
            }
        }

        for (var j = first; j < first + length; j++)
        {
            offload[order[j]] = !offload[order[j]];
        }

        return 0;
    }

    /// <summary>Orders the tasks by the gain of flipping them at price λ, best first; returns how many gain.</summary>
    private static int Rank(ScaKktProblem problem, bool[] offload, double[] local, double price, double[] gain, int[] order, double[] edgeSteps)
    {
        var positives = 0;
        for (var n = 0; n < problem.Count; n++)
        {
            var cost = problem.Costs[n];
            var s = MonotoneRoot.Find(new CostSlope(cost, true, price), problem.MinSteps, problem.Tasks[n].MaxStepsEdge, edgeSteps[n] > 0 ? edgeSteps[n] : problem.MinSteps, Tolerance);
            edgeSteps[n] = s;
            var edge = cost.Value(true, s) + (price * s);
            gain[n] = offload[n] ? edge - local[n] : local[n] - edge;
            order[n] = n;
            positives += gain[n] > 0 ? 1 : 0;
        }

        Array.Sort(order, (x, y) => gain[y] != gain[x] ? gain[y].CompareTo(gain[x]) : x.CompareTo(y));
        return positives;
    }

    /// <summary>L_n: each task's least cost on its device, which no flip of another task changes.</summary>
    private static double[] LocalCosts(ScaKktProblem problem)
    {
        var local = new double[problem.Count];
        for (var n = 0; n < problem.Count; n++)
        {
            var cost = problem.Costs[n];
            var s = MonotoneRoot.Find(new CostSlope(cost, false, 0), problem.MinSteps, problem.Tasks[n].MaxStepsLocal, problem.MinSteps, Tolerance);
            local[n] = cost.Value(false, s);
        }

        return local;
    }
}
