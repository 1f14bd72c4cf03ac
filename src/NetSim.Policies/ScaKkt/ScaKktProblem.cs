namespace NetSim.Policies.ScaKkt;

/// <summary>
/// An instance of problem P1 (eq. 8 with constraints 1, 2 and 9) of Wang, Liu and Zhao: N tasks,
/// one edge server with a budget of <see cref="EdgeStepBudget"/> steps, the weights, and a lower
/// bound on every task's steps (see <c>ScaKkt.md</c>, ambiguity A5).
/// </summary>
public sealed class ScaKktProblem
{
    /// <summary>Checks and keeps an instance.</summary>
    /// <param name="tasks">The tasks, one per UE.</param>
    /// <param name="edgeStepBudget">S_e^max: total steps the edge server supports (eq. 1).</param>
    /// <param name="minSteps">Least steps of any task (&gt; 0); at most every task's step limits.</param>
    /// <param name="weights">c1, c2, c3, w1, w2.</param>
    public ScaKktProblem(IReadOnlyList<ScaKktTask> tasks, double edgeStepBudget, double minSteps, ScaKktWeights weights)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        weights.Validate();
        if (!(edgeStepBudget >= 0) || double.IsInfinity(edgeStepBudget))
        {
            throw new ArgumentException($"edge step budget S_e^max = {edgeStepBudget}: expected a finite number >= 0", nameof(edgeStepBudget));
        }

        if (!(minSteps > 0) || double.IsInfinity(minSteps))
        {
            throw new ArgumentException($"least steps = {minSteps}: expected a finite number > 0", nameof(minSteps));
        }

        Tasks = tasks.ToArray();
        EdgeStepBudget = edgeStepBudget;
        MinSteps = minSteps;
        Weights = weights;
        Costs = new TaskCost[Tasks.Length];
        for (var n = 0; n < Tasks.Length; n++)
        {
            var t = Tasks[n];
            if (!(t.StepTimeLocal >= 0) || !(t.StepTimeEdge >= 0) || !(t.StepEnergyLocal >= 0) || !(t.StepEnergyEdge >= 0) || !(t.EpsFwd >= 0) || !(t.C1 > 0) || !(t.C2 >= 0))
            {
                throw new ArgumentException($"task {n}: {t}: step times, energies, eps_fwd and C2 must be >= 0 and C1 > 0", nameof(tasks));
            }

            if (!(t.MaxStepsLocal >= minSteps) || !(t.MaxStepsEdge >= minSteps) || double.IsInfinity(t.MaxStepsLocal) || double.IsInfinity(t.MaxStepsEdge))
            {
                throw new ArgumentException($"task {n}: step limits S_n0^max = {t.MaxStepsLocal} and S_n1^max = {t.MaxStepsEdge} must be finite and at least the least steps {minSteps}", nameof(tasks));
            }

            Costs[n] = new TaskCost(t, weights);
        }
    }

    /// <summary>The tasks.</summary>
    public ScaKktTask[] Tasks { get; }

    /// <summary>S_e^max (eq. 1).</summary>
    public double EdgeStepBudget { get; }

    /// <summary>Least steps of a task.</summary>
    public double MinSteps { get; }

    /// <summary>c1, c2, c3, w1, w2.</summary>
    public ScaKktWeights Weights { get; }

    /// <summary>Number of tasks N.</summary>
    public int Count => Tasks.Length;

    /// <summary>Each task's cost functions R_{n,0} and R_{n,1}.</summary>
    internal TaskCost[] Costs { get; }

    /// <summary>R_{n,r}(s) of the paper (below eq. 9): <c>w1 (c1 T + c2 ε + c3 E) - w2 U</c>.</summary>
    public double Cost(int n, bool offload, double steps) => Costs[n].Value(offload, steps) - Weights.W2;

    /// <summary>Upper step limit of task <paramref name="n"/> at its location: the right side of eq. 2.</summary>
    public double MaxSteps(int n, bool offload) => offload ? Tasks[n].MaxStepsEdge : Tasks[n].MaxStepsLocal;

    /// <summary>The objective of P1 (eq. 8) for binary offloading and the given steps.</summary>
    public double Objective(IReadOnlyList<bool> offload, IReadOnlyList<double> steps)
    {
        var total = 0.0;
        for (var n = 0; n < Count; n++)
        {
            total += Cost(n, offload[n], steps[n]);
        }

        return total;
    }

    /// <summary>
    /// Whether binary offloading and steps satisfy eq. 1, eq. 2 and the least steps, each within
    /// <paramref name="tolerance"/> steps; <paramref name="violation"/> says what fails.
    /// </summary>
    public bool IsFeasible(IReadOnlyList<bool> offload, IReadOnlyList<double> steps, double tolerance, out string violation)
    {
        var used = 0.0;
        for (var n = 0; n < Count; n++)
        {
            if (!(steps[n] >= MinSteps - tolerance) || !(steps[n] <= MaxSteps(n, offload[n]) + tolerance))
            {
                violation = $"task {n}: {steps[n]} steps outside [{MinSteps}, {MaxSteps(n, offload[n])}] (eq. 2)";
                return false;
            }

            if (offload[n])
            {
                used += steps[n];
            }
        }

        if (used > EdgeStepBudget + tolerance)
        {
            violation = $"edge steps {used} exceed S_e^max = {EdgeStepBudget} (eq. 1)";
            return false;
        }

        violation = string.Empty;
        return true;
    }
}
