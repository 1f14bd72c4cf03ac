using MathNet.Numerics.Distributions;

namespace NetSim.Network.Metrics;

/// <summary>A mean over replications with the half-width of its two-sided confidence interval.</summary>
/// <param name="Mean">Sample mean.</param>
/// <param name="HalfWidth">Half-width (Student t); NaN with fewer than two values.</param>
/// <param name="Count">Number of values.</param>
public readonly record struct ConfidenceInterval(double Mean, double HalfWidth, int Count)
{
    /// <summary>
    /// Mean and 95% (or <paramref name="level"/>) Student-t half-width of <paramref name="values"/>,
    /// ignoring NaN values.
    /// </summary>
    public static ConfidenceInterval Of(IEnumerable<double> values, double level = 0.95)
    {
        var xs = values.Where(v => !double.IsNaN(v)).ToArray();
        if (xs.Length == 0)
        {
            return new ConfidenceInterval(double.NaN, double.NaN, 0);
        }

        var mean = xs.Average();
        if (xs.Length < 2)
        {
            return new ConfidenceInterval(mean, double.NaN, xs.Length);
        }

        if (xs.All(x => x == xs[0]))
        {
            // Equal values have no spread; the rounding of their sum must not invent one (4E-15).
            return new ConfidenceInterval(xs[0], 0, xs.Length);
        }

        var variance = xs.Sum(x => (x - mean) * (x - mean)) / (xs.Length - 1);
        var t = StudentT.InvCDF(0, 1, xs.Length - 1, 1 - ((1 - level) / 2));
        return new ConfidenceInterval(mean, t * Math.Sqrt(variance / xs.Length), xs.Length);
    }
}
