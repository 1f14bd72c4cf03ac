namespace NetSim.Plots.Tests;

/// <summary>Two-sided 95% Student t quantiles t(0.975, df) from tables, for hand-computed confidence half-widths.</summary>
internal static class StudentT
{
    public const double Df1 = 12.706204736174707;
    public const double Df2 = 4.302652729911275;

    /// <summary>Half-width t * s / sqrt(n) of the 95% interval of <paramref name="values"/>.</summary>
    public static double HalfWidth(double t, params double[] values)
    {
        var mean = values.Average();
        var s = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
        return t * s / Math.Sqrt(values.Length);
    }
}
