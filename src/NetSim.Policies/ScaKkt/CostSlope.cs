namespace NetSim.Policies.ScaKkt;

/// <summary>
/// <c>R⁺_{n,r}'(s) + λ</c>: stationarity of one task's steps when the offloading is fixed and λ
/// prices the edge budget (eq. 1); non-decreasing because R⁺ is convex.
/// </summary>
internal readonly struct CostSlope(TaskCost cost, bool offload, double lambda) : IMonotoneFunction
{
    /// <inheritdoc />
    public (double Value, double Slope) Evaluate(double s)
    {
        cost.Slope(offload, s, out var first, out var second);
        return (first + lambda, second);
    }
}
