namespace NetSim.Policies.ScaKkt;

/// <summary>
/// The s-part of the stationarity condition (18b) with ζ_n = 0:
/// <c>h'(s) = ∂G/∂s_n + 2 δ z_n s = 2 u R⁺₀ R⁺₀' + 2 v R⁺₁ R⁺₁' + 2 δ z s</c>, non-decreasing in s
/// because h is convex (squares of positive convex functions plus a convex quadratic).
/// </summary>
internal readonly struct StepStationarity(TaskCost cost, double u, double v, double deltaZ) : IMonotoneFunction
{
    /// <inheritdoc />
    public (double Value, double Slope) Evaluate(double s)
    {
        cost.Evaluate(s, out var r0, out var r1, out var d0, out var d1, out var second);
        var value = (2 * u * r0 * d0) + (2 * v * r1 * d1) + (2 * deltaZ * s);
        var slope = (2 * u * ((d0 * d0) + (r0 * second))) + (2 * v * ((d1 * d1) + (r1 * second))) + (2 * deltaZ);
        return (value, slope);
    }
}
