using MathNet.Numerics.Distributions;

namespace NetSim.Network.Scenario.Config;

/// <summary>
/// A value that may vary: written as a scalar with a unit (constant), <c>{uniform: [a, b]}</c>,
/// <c>{exponential: mean}</c>, or <c>none</c> where the key allows it. Values are in SI units.
/// </summary>
/// <param name="Kind">Constant, uniform, exponential or none.</param>
/// <param name="A">Constant value, lower bound or mean.</param>
/// <param name="B">Upper bound (uniform).</param>
public sealed record Distribution(DistributionKind Kind, double A, double B = double.NaN)
{
    /// <summary>A constant.</summary>
    public static Distribution Constant(double value) => new(DistributionKind.Constant, value);

    /// <summary>Uniform in [<paramref name="low"/>, <paramref name="high"/>].</summary>
    public static Distribution Uniform(double low, double high) => new(DistributionKind.Uniform, low, high);

    /// <summary>Exponential with mean <paramref name="mean"/>.</summary>
    public static Distribution Exponential(double mean) => new(DistributionKind.Exponential, mean);

    /// <summary>No value.</summary>
    public static Distribution None { get; } = new(DistributionKind.None, double.PositiveInfinity);

    /// <summary>The mean (infinity for none).</summary>
    public double Mean => Kind switch
    {
        DistributionKind.Uniform => (A + B) / 2,
        _ => A,
    };

    /// <summary>Draws one value from <paramref name="rng"/> (constants draw nothing).</summary>
    public double Sample(Random rng) => Kind switch
    {
        DistributionKind.Constant => A,
        DistributionKind.Uniform => ContinuousUniform.Sample(rng, A, B),
        DistributionKind.Exponential => MathNet.Numerics.Distributions.Exponential.Sample(rng, 1 / A),
        _ => double.PositiveInfinity,
    };

    /// <summary>The YAML form (SI units), for the resolved scenario text.</summary>
    public override string ToString() => Kind switch
    {
        DistributionKind.Constant => Format(A),
        DistributionKind.Uniform => $"{{uniform: [{Format(A)}, {Format(B)}]}}",
        DistributionKind.Exponential => $"{{exponential: {Format(A)}}}",
        _ => "none",
    };

    private static string Format(double v) => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
