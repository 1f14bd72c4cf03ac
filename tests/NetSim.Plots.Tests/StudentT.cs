namespace NetSim.Plots.Tests;

/// <summary>Two-sided 95% Student t quantiles t(0.975, df) from tables, for hand-computed confidence half-widths.</summary>
internal static class StudentT
{
    public const double Df1 = 12.706204736174707;
    public const double Df2 = 4.302652729911275;
    public const double Df3 = 3.182446305284263;
    public const double Df4 = 2.7764451051977987;

    /// <summary>Half-width t * s / sqrt(n) of the 95% interval of <paramref name="values"/>.</summary>
    public static double HalfWidth(double t, params double[] values)
    {
        var mean = values.Average();
        var s = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
        return t * s / Math.Sqrt(values.Length);
    }

    /// <summary>The 95% half-width of two to five values with the tabled quantile of their degrees of freedom; NaN for one value.</summary>
    public static double HalfWidth(IReadOnlyList<double> values) => values.Count switch
    {
        1 => double.NaN,
        2 => HalfWidth(Df1, [.. values]),
        3 => HalfWidth(Df2, [.. values]),
        4 => HalfWidth(Df3, [.. values]),
        5 => HalfWidth(Df4, [.. values]),
        _ => throw new ArgumentOutOfRangeException(nameof(values), values.Count, "tabled for one to five values"),
    };
}
