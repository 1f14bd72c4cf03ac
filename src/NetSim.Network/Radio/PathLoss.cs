namespace NetSim.Network.Radio;

/// <summary>
/// Log-distance path loss <c>pl0 + gamma * log10(d / reference)</c> in dB (Zhou et al., Sec. III-B),
/// with the distance clamped below at <see cref="MinDistance"/> so that co-located nodes stay finite.
/// </summary>
/// <param name="Pl0Db">Loss at the reference distance, dB.</param>
/// <param name="Gamma">dB per decade of distance.</param>
/// <param name="Reference">Reference distance, metres.</param>
/// <param name="MinDistance">Smallest distance used, metres.</param>
public readonly record struct PathLoss(double Pl0Db, double Gamma, double Reference, double MinDistance)
{
    /// <summary>Loss in dB at <paramref name="distance"/> metres.</summary>
    public double LossDb(double distance) => Pl0Db + (Gamma * Math.Log10(Math.Max(distance, MinDistance) / Reference));

    /// <summary>Linear power gain <c>10^(-loss/10)</c> at <paramref name="distance"/> metres.</summary>
    public double Gain(double distance) => Math.Pow(10, -LossDb(distance) / 10);
}
