namespace NetSim.Policies.Optimal;

/// <summary>What the epoch solves of one run came to: the last solution and figures over all epochs, none of them wall-clock.</summary>
public sealed class SolveLog
{
    private long _epochs;
    private long _proven;
    private double _gapSum;
    private double _maxGap;
    private double _maxScalingError;

    /// <summary>The last epoch's solution (status, objective, bound, gap), or null before the first.</summary>
    public EpochSolution? Last { get; private set; }

    /// <summary>
    /// <c>epochs</c>; <c>proven_optimal_rate</c>, the fraction of epochs proven optimal;
    /// <c>mean_relative_gap</c> and <c>max_relative_gap</c> of the proven gaps; and
    /// <c>max_scaling_error_s</c>, the largest scaling error bound of an epoch, seconds.
    /// </summary>
    public IReadOnlyDictionary<string, double> Metrics => new Dictionary<string, double>
    {
        ["epochs"] = _epochs,
        ["proven_optimal_rate"] = _epochs == 0 ? 0 : (double)_proven / _epochs,
        ["mean_relative_gap"] = _epochs == 0 ? 0 : _gapSum / _epochs,
        ["max_relative_gap"] = _maxGap,
        ["max_scaling_error_s"] = _maxScalingError,
    };

    /// <summary>Records one epoch's solution.</summary>
    public void Add(EpochSolution solution)
    {
        ArgumentNullException.ThrowIfNull(solution);
        Last = solution;
        if (solution.Status is not (SolveStatus.Optimal or SolveStatus.Feasible))
        {
            return;
        }

        _epochs++;
        _proven += solution.Status == SolveStatus.Optimal ? 1 : 0;
        _gapSum += solution.RelativeGap;
        _maxGap = Math.Max(_maxGap, solution.RelativeGap);
        _maxScalingError = Math.Max(_maxScalingError, solution.ScalingError);
    }
}
