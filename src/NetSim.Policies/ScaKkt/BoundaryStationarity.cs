namespace NetSim.Policies.ScaKkt;

/// <summary>
/// Stationarity along the active constraint (16c), <c>s = b(a) = S0 + a (S1 - S0)</c>: the
/// derivative in a of <c>ψ(a) = h(b(a)) + A a² + B a</c>, which is
/// <c>(S1 - S0) h'(b(a)) + D_n(a, 0, δ)</c> with D_n of eq. (18a). Its root is where (18a) and
/// (18b) hold together with <c>ζ_n = -h'(b(a)) &gt;= 0</c>, the point the paper finds by solving
/// <c>I_n(ζ_n, δ) = 0</c> for ζ_n (Appendix, case 2); here it is found by the one-dimensional
/// search over a instead of over ζ_n (ambiguity A4).
/// </summary>
internal readonly struct BoundaryStationarity(StepStationarity h, double s0, double s1, double quadratic, double linear) : IMonotoneFunction
{
    /// <summary>The step bound <c>b(a) = (1 - a) S0 + a S1</c>, the right side of (16c).</summary>
    public double Bound(double a) => s0 + (a * (s1 - s0));

    /// <inheritdoc />
    public (double Value, double Slope) Evaluate(double a)
    {
        var (value, slope) = h.Evaluate(Bound(a));
        var span = s1 - s0;
        return ((span * value) + (2 * quadratic * a) + linear, (span * span * slope) + (2 * quadratic));
    }
}
