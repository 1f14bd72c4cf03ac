namespace NetSim.Policies.ScaKkt;

/// <summary>
/// Algorithm 2 of Wang, Liu and Zhao: the KKT solution of the convex sub-problem P2 (eq. 16) for
/// given auxiliary variables u, v, z (eqs. 10, 11) and linearisation point a^(i) (eq. 15).
/// For a multiplier δ of (16b) the sub-problem separates per task; each task's pair (a_n, s_n)
/// follows Theorem 1 (eqs. 21, 22); δ* follows eq. (23), found by <see cref="PriceRoot"/> (MathNet's Brent method).
/// </summary>
internal sealed class KktSubproblem
{
    private const double RootTolerance = 1e-10;
    private readonly ScaKktProblem _problem;

    public KktSubproblem(ScaKktProblem problem)
    {
        _problem = problem;
        var n = problem.Count;
        U = new double[n];
        V = new double[n];
        Z = new double[n];
        Linearisation = new double[n];
        Offload = new double[n];
        Steps = new double[n];
        for (var i = 0; i < n; i++)
        {
            Steps[i] = problem.MinSteps;
        }
    }

    /// <summary>u_n^(k) (eq. 10).</summary>
    public double[] U { get; }

    /// <summary>v_n^(k) (eq. 10).</summary>
    public double[] V { get; }

    /// <summary>z_n^(k) (eq. 11).</summary>
    public double[] Z { get; }

    /// <summary>a_n^(i), the point where the penalty is linearised (eq. 15).</summary>
    public double[] Linearisation { get; }

    /// <summary>τ (eq. 14).</summary>
    public double Tau { get; set; }

    /// <summary>a* after <see cref="Solve"/>.</summary>
    public double[] Offload { get; }

    /// <summary>s* after <see cref="Solve"/>; the previous values warm-start the Newton steps.</summary>
    public double[] Steps { get; }

    /// <summary>δ* after <see cref="Solve"/> (eq. 23).</summary>
    public double Delta { get; private set; }

    /// <summary>
    /// Value of the surrogate budget (16b), <c>Σ (z s² + a² / (4 z)) - S_e^max</c>, at the current
    /// <see cref="Offload"/> and <see cref="Steps"/>.
    /// </summary>
    public double BudgetSlack()
    {
        var total = -_problem.EdgeStepBudget;
        for (var n = 0; n < _problem.Count; n++)
        {
            total += (Z[n] * Steps[n] * Steps[n]) + (Offload[n] * Offload[n] / (4 * Z[n]));
        }

        return total;
    }

    /// <summary>Algorithm 2: δ* by eq. (23), then a* and s* by eq. (21).</summary>
    public void Solve()
    {
        if (SolveTasks(0) <= 0)
        {
            Delta = 0;
            return;
        }

        var low = 0.0;
        var high = 1e-3;
        while (SolveTasks(high) > 0)
        {
            low = high;
            high *= 10;
            if (high > 1e18)
            {
                // P2's surrogate budget cannot be met (ambiguity A2): keep the most frugal answer.
                Delta = high;
                return;
            }
        }

        Delta = PriceRoot.Find(SolveTasks, low, high);
        SolveTasks(Delta);
    }

    /// <summary>Solves every task's (a_n, s_n) for multiplier <paramref name="delta"/>; returns (16b)'s left side.</summary>
    private double SolveTasks(double delta)
    {
        var total = -_problem.EdgeStepBudget;
        for (var n = 0; n < _problem.Count; n++)
        {
            SolveTask(n, delta);
            total += (Z[n] * Steps[n] * Steps[n]) + (Offload[n] * Offload[n] / (4 * Z[n]));
        }

        return total;
    }

    /// <summary>
    /// Minimises, over a ∈ [0, 1] and s ∈ [s_min, b(a)], the task's part of the Lagrangian (17)
    /// without the box multipliers: <c>h(s) + A a² + B a</c> where
    /// <c>h(s) = u R⁺₀² + v R⁺₁² + δ z s²</c>, <c>A = 1/(4u) + 1/(4v) + δ/(4z)</c> and
    /// <c>B = -1/(2u) - τ (2 a^(i) - 1)</c>, so that <c>2 A a + B = D_n(a, 0, δ)</c> of (18a).
    /// </summary>
    private void SolveTask(int n, double delta)
    {
        var task = _problem.Tasks[n];
        var u = U[n];
        var v = V[n];
        var z = Z[n];
        var quadratic = (1 / (4 * u)) + (1 / (4 * v)) + (delta / (4 * z));
        var linear = (-1 / (2 * u)) - (Tau * ((2 * Linearisation[n]) - 1));

        // Eq. (22) with ζ_n = 0: â_n(0, δ) clipped to [0, 1].
        var a = Math.Clamp(-linear / (2 * quadratic), 0, 1);
        var h = new StepStationarity(_problem.Costs[n], u, v, delta * z);
        var boundary = new BoundaryStationarity(h, task.MaxStepsLocal, task.MaxStepsEdge, quadratic, linear);
        var bound = boundary.Bound(a);
        var minSteps = _problem.MinSteps;
        if (h.Evaluate(bound).Value >= 0)
        {
            // Appendix case 1 for ζ_n: I_n(0, δ) <= 0, so ζ_n = 0 and s_n solves (18b) alone.
            Offload[n] = a;
            Steps[n] = MonotoneRoot.Find(h, minSteps, bound, Steps[n], RootTolerance);
            return;
        }

        // Appendix case 2: ζ_n > 0 and (16c) holds with equality.
        a = task.MaxStepsEdge == task.MaxStepsLocal ? a : MonotoneRoot.Find(boundary, 0, 1, a, RootTolerance);
        Offload[n] = a;
        Steps[n] = boundary.Bound(a);
    }
}
