namespace NetSim.Network.Scenario.Config;

/// <summary><c>ues.energy:</c> device energy.</summary>
public sealed class EnergyConfig
{
    /// <summary>Energy coefficient.</summary>
    [Param("energy per operation is kappa * f^2 joules at processor rate f (equivalently k*T*f^3); 0 = not counted", Min = 0)]
    public double Kappa { get; set; } = 1e-28;
}
