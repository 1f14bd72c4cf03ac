namespace NetSim.Plots.Building;

/// <summary>Points of an empirical CDF: (x_(i), i/n) for the sorted values, at most <c>maxPoints</c> of them.</summary>
public static class EmpiricalCdf
{
    /// <summary>
    /// The CDF of <paramref name="values"/>: every order statistic when there are at most
    /// <paramref name="maxPoints"/>, else the order statistics of ranks ceil(k n / maxPoints), k = 1..maxPoints.
    /// </summary>
    public static (double[] X, double[] Y) Of(IEnumerable<double> values, int maxPoints = 2000)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        var n = sorted.Length;
        var count = Math.Min(n, maxPoints);
        var x = new double[count];
        var y = new double[count];
        for (var k = 1; k <= count; k++)
        {
            var rank = n <= maxPoints ? k : (int)Math.Ceiling((double)k * n / maxPoints);
            x[k - 1] = sorted[rank - 1];
            y[k - 1] = (double)rank / n;
        }

        return (x, y);
    }
}
