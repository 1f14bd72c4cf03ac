namespace NetSim.Policies.ScaKkt;

/// <summary>
/// The weights of Wang, Liu and Zhao's objective: <c>c1, c2, c3</c> weigh computation time,
/// average error and energy in the cost <c>R̄ = c1 T + c2 ε + c3 E</c> (section II-A), and
/// <c>w1, w2</c> weigh cost against utility in <c>R = w1 R̄ - w2 U</c> (below eq. 9).
/// </summary>
/// <param name="C1">Weight of computation time, per second.</param>
/// <param name="C2">Weight of average error (dimensionless).</param>
/// <param name="C3">Weight of energy, per joule.</param>
/// <param name="W1">Weight of the cost.</param>
/// <param name="W2">Weight of the utility.</param>
public readonly record struct ScaKktWeights(double C1, double C2, double C3, double W1, double W2)
{
    /// <summary>Throws when a weight is negative or not finite, or when both w1 and w2 are zero.</summary>
    public void Validate()
    {
        Check(C1, "c1");
        Check(C2, "c2");
        Check(C3, "c3");
        Check(W1, "w1");
        Check(W2, "w2");
        if (W1 == 0 && W2 == 0)
        {
            throw new ArgumentException("w1 and w2 are both 0: the objective would be constant");
        }
    }

    private static void Check(double value, string name)
    {
        if (!(value >= 0) || double.IsInfinity(value))
        {
            throw new ArgumentException($"weight {name} = {value}: expected a finite number >= 0");
        }
    }
}
