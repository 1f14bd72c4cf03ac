namespace NetSim.Network.Tasks;

/// <summary>
/// Diffusion quality of Wang, Liu and Zhao: average error <c>eps_fwd * exp(-s * C1)</c> (eq. 4) and
/// utility <c>1 - exp(-s * C2)</c> (eq. 7) of s reverse-diffusion steps.
/// </summary>
/// <param name="EpsFwd">Forward-diffusion error.</param>
/// <param name="C1">Error attenuation per step.</param>
/// <param name="C2">Utility growth per step.</param>
public readonly record struct Quality(double EpsFwd, double C1, double C2)
{
    /// <summary>Average error after <paramref name="steps"/> steps.</summary>
    public double Error(double steps) => EpsFwd * Math.Exp(-steps * C1);

    /// <summary>Utility of <paramref name="steps"/> steps, in [0, 1).</summary>
    public double Utility(double steps) => 1 - Math.Exp(-steps * C2);
}
