using NetSim.Network.Scenario.Units;

namespace NetSim.Network.Scenario.Config;

/// <summary><c>base_stations.server.cache:</c> model cache.</summary>
public sealed class CacheConfig
{
    /// <summary>Capacity.</summary>
    [Param("cache capacity", Unit = UnitKind.Size, Min = 0)]
    public double Capacity { get; set; } = 8e10;

    /// <summary>Models present at t = 0.</summary>
    [Param("model names cached at t = 0, or [all]")]
    public List<string> Preload { get; set; } = ["all"];
}
