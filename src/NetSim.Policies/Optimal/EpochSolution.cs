namespace NetSim.Policies.Optimal;

/// <summary>The result of solving one <see cref="EpochProblem"/>.</summary>
/// <param name="Assignment">One entry per task: <see cref="EpochProblem.Local"/> or an edge index (empty when infeasible).</param>
/// <param name="Status">How the solve ended.</param>
/// <param name="Objective">The objective of <paramref name="Assignment"/> under <see cref="EpochProblem.Evaluate"/>, seconds.</param>
/// <param name="Bound">A proven lower bound on the optimal objective, seconds.</param>
/// <param name="ScalingError">How far, at most, the objective of an assignment reported optimal can be above the true optimum because of integer scaling, seconds (0 for exact enumeration).</param>
/// <param name="Seconds">Wall-clock time of the solve, seconds.</param>
public sealed record EpochSolution(int[] Assignment, SolveStatus Status, double Objective, double Bound, double ScalingError, double Seconds)
{
    /// <summary>The proven absolute gap, <c>Objective - Bound</c>, seconds (never negative).</summary>
    public double Gap => Math.Max(0, Objective - Bound);

    /// <summary>The proven relative gap, <c>Gap / Objective</c> (0 when the objective is 0).</summary>
    public double RelativeGap => Objective > 0 ? Gap / Objective : 0;
}
