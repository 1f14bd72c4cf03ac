namespace NetSim.Policies.ScaKkt;

/// <summary>
/// The joint offloading and diffusion-step optimiser of Wang, Liu and Zhao (arXiv 2312.06203,
/// section III): Algorithm 3 (penalised SCA over the linearisation point a^(i), eqs. 12 to 16)
/// around Algorithm 1 (auxiliary variables u, v, z of eqs. 10 and 11) around Algorithm 2 (the KKT
/// solution of P2, eqs. 17 to 23). Arrays in, decisions out; no simulator types. The equations
/// and every choice where the paper is open are in <c>ScaKkt.md</c> beside this file.
/// </summary>
public static class ScaKktSolver
{
    /// <summary>Solves <paramref name="problem"/> with <paramref name="settings"/> (the paper's by default).</summary>
    public static ScaKktSolution Solve(ScaKktProblem problem, ScaKktSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        settings ??= ScaKktSettings.Default;
        settings.Validate();
        var count = problem.Count;
        var sub = new KktSubproblem(problem);
        var a = new double[count];
        var s = new double[count];
        Start(problem, settings.InitialOffload, a, s);
        var previousA = new double[count];
        var previousS = new double[count];
        var outer = 0;
        var inner = 0;
        var tau = settings.TauStart;
        while (outer < settings.MaxOuter)
        {
            // Algorithm 3, step 4: the i-th sub-problem linearises the penalty at a^(i-1) (eq. 15).
            outer++;
            sub.Tau = tau;
            Array.Copy(a, sub.Linearisation, count);
            Array.Copy(a, previousA, count);
            Array.Copy(s, previousS, count);

            // Algorithm 1: refresh u, v, z at the current point, solve P2 by Algorithm 2, repeat.
            for (var k = 0; k < settings.MaxInner; k++)
            {
                inner++;
                Auxiliary(problem, settings.AuxiliaryFloor, a, s, sub);
                sub.Solve();
                var change = Change(a, s, sub.Offload, sub.Steps);
                Array.Copy(sub.Offload, a, count);
                Array.Copy(sub.Steps, s, count);
                if (change <= settings.Tolerance)
                {
                    break;
                }
            }

            // Algorithm 3, step 8: stop when S^(i) is within ε̄_0 of S^(i-1).
            if (tau >= settings.Tau && Change(previousA, previousS, a, s) <= settings.Tolerance)
            {
                break;
            }

            tau = Math.Min(settings.Tau, tau * settings.TauGrowth);
        }

        var offload = Round(problem, a);
        var paperObjective = problem.Objective(offload, StepAllocator.Allocate(problem, offload));
        var flips = FlipSearch.Improve(problem, offload, settings.FlipRounds);
        var steps = StepAllocator.Allocate(problem, offload);
        var whole = IntegerSteps.Round(problem, offload, steps);
        var wholeAsDouble = Array.ConvertAll(whole, x => (double)x);
        return new ScaKktSolution(
            offload,
            steps,
            problem.Objective(offload, steps),
            whole,
            problem.Objective(offload, wholeAsDouble),
            a,
            outer,
            inner,
            paperObjective,
            flips);
    }

    /// <summary>
    /// S^(0) of Algorithm 3 (ambiguity A3): every a_n = a0, and s_n the largest value within (16c)
    /// that keeps <c>Σ a_n s_n &lt;= S_e^max</c>, no smaller than the least steps.
    /// </summary>
    private static void Start(ScaKktProblem problem, double a0, double[] a, double[] s)
    {
        var share = problem.EdgeStepBudget / (a0 * Math.Max(1, problem.Count));
        for (var n = 0; n < problem.Count; n++)
        {
            var t = problem.Tasks[n];
            a[n] = a0;
            s[n] = Math.Max(problem.MinSteps, Math.Min(((1 - a0) * t.MaxStepsLocal) + (a0 * t.MaxStepsEdge), share));
        }
    }

    /// <summary>
    /// Algorithm 1, steps 2 and 5: <c>u = (1 - a) / (2 R⁺₀(s))</c>, <c>v = a / (2 R⁺₁(s))</c> (eq. 10) and
    /// <c>z = a / (2 s)</c> (eq. 11), with a and 1 - a floored at η (ambiguity A2).
    /// </summary>
    private static void Auxiliary(ScaKktProblem problem, double floor, double[] a, double[] s, KktSubproblem sub)
    {
        for (var n = 0; n < problem.Count; n++)
        {
            var cost = problem.Costs[n];
            var local = Math.Max(1 - a[n], floor);
            var edge = Math.Max(a[n], floor);
            sub.U[n] = local / (2 * cost.Value(false, s[n]));
            sub.V[n] = edge / (2 * cost.Value(true, s[n]));
            sub.Z[n] = edge / (2 * Math.Max(s[n], problem.MinSteps));
        }
    }

    /// <summary>Largest change of a_n or of s_n relative to max(1, s_n).</summary>
    private static double Change(double[] a, double[] s, double[] nextA, double[] nextS)
    {
        var change = 0.0;
        for (var n = 0; n < a.Length; n++)
        {
            change = Math.Max(change, Math.Abs(nextA[n] - a[n]));
            change = Math.Max(change, Math.Abs(nextS[n] - s[n]) / Math.Max(1, Math.Abs(s[n])));
        }

        return change;
    }

    /// <summary>
    /// a_n ∈ {0, 1} from where Algorithm 3 stopped: a_n &gt;= 1/2 offloads (the penalty has driven
    /// a_n to 0 or 1 up to the tolerance); if the offloaded tasks then cannot all have the least
    /// steps within S_e^max, those with the smallest a_n go back to their devices (ambiguity A6).
    /// </summary>
    private static bool[] Round(ScaKktProblem problem, double[] a)
    {
        var offload = new bool[problem.Count];
        for (var n = 0; n < problem.Count; n++)
        {
            offload[n] = a[n] >= 0.5;
        }

        if (StepAllocator.Fits(problem, offload))
        {
            return offload;
        }

        var order = Enumerable.Range(0, problem.Count).Where(n => offload[n]).OrderBy(n => a[n]).ThenBy(n => n).ToList();
        foreach (var n in order)
        {
            offload[n] = false;
            if (StepAllocator.Fits(problem, offload))
            {
                break;
            }
        }

        return offload;
    }
}
