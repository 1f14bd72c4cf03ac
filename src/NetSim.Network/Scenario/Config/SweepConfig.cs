namespace NetSim.Network.Scenario.Config;

/// <summary><c>sweep:</c> what <c>netsim sweep</c> varies.</summary>
public sealed class SweepConfig
{
    /// <summary>Grid of key paths and values.</summary>
    [Param("key path -> list of values; the sweep runs the full grid")]
    public Dictionary<string, Yaml.Node> Parameters { get; set; } = new();

    /// <summary>Policies.</summary>
    [Param("policies to run at every grid point (empty: the scenario's policy)")]
    public List<string> Policies { get; set; } = [];

    /// <summary>Replications.</summary>
    [Param("replications per grid point and policy", Min = 1, Max = 10_000)]
    public int Replications { get; set; } = 1;
}
