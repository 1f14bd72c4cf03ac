using NetSim.Network.Scenario.Units;

namespace NetSim.Network.Scenario.Config;

/// <summary><c>cloud:</c> the cloud.</summary>
public sealed class CloudConfig
{
    /// <summary>Whether a cloud exists.</summary>
    [Param("whether the scenario has a cloud")]
    public bool Enabled { get; set; } = true;

    /// <summary>Core rate.</summary>
    [Param("rate of one cloud core", Unit = UnitKind.ComputeRate, Min = 0, MinExclusive = true)]
    public double Compute { get; set; } = 40e9;

    /// <summary>Cores.</summary>
    [Param("cloud cores", Min = 1, Max = 100_000)]
    public int Cores { get; set; } = 8;

    /// <summary>Energy coefficient.</summary>
    [Param("cloud energy per operation is kappa * f^2 joules; 0 = not counted", Min = 0)]
    public double Kappa { get; set; }
}
