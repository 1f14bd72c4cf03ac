namespace NetSim.Policies.ScaKkt;

/// <summary>
/// Root of a non-decreasing function on a bracket by Newton's method safeguarded with bisection
/// (the rtsafe scheme): every step keeps the root bracketed, so it converges whatever the start.
/// </summary>
internal static class MonotoneRoot
{
    /// <summary>
    /// The point of [<paramref name="low"/>, <paramref name="high"/>] where <paramref name="f"/>
    /// crosses zero: <paramref name="low"/> when f(low) &gt;= 0, <paramref name="high"/> when
    /// f(high) &lt;= 0. Converged when the bracket is within <paramref name="tolerance"/> (relative to
    /// max(1, |x|)) or after 100 steps.
    /// </summary>
    public static double Find<TF>(in TF f, double low, double high, double start, double tolerance)
        where TF : struct, IMonotoneFunction
    {
        var (fLow, _) = f.Evaluate(low);
        if (fLow >= 0)
        {
            return low;
        }

        var (fHigh, _) = f.Evaluate(high);
        if (fHigh <= 0)
        {
            return high;
        }

        var x = start > low && start < high ? start : 0.5 * (low + high);
        for (var iteration = 0; iteration < 100; iteration++)
        {
            var (value, slope) = f.Evaluate(x);
            if (value == 0)
            {
                return x;
            }

            if (value < 0)
            {
                low = x;
            }
            else
            {
                high = x;
            }

            var next = slope > 0 ? x - (value / slope) : double.NaN;
            if (!(next > low && next < high))
            {
                next = 0.5 * (low + high);
            }

            var step = Math.Abs(next - x);
            x = next;
            if (step <= tolerance * Math.Max(1, Math.Abs(x)) || high - low <= tolerance * Math.Max(1, Math.Abs(x)))
            {
                return x;
            }
        }

        return x;
    }
}
