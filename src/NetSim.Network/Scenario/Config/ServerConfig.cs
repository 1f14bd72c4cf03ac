using NetSim.Network.Scenario.Units;

namespace NetSim.Network.Scenario.Config;

/// <summary><c>base_stations.server:</c> the MEC server beside each base station.</summary>
public sealed class ServerConfig
{
    /// <summary>Core rate.</summary>
    [Param("rate of one core", Unit = UnitKind.ComputeRate, Min = 0, MinExclusive = true)]
    public double Compute { get; set; } = 15e9;

    /// <summary>Cores.</summary>
    [Param("cores", Min = 1, Max = 100_000)]
    public int Cores { get; set; } = 1;

    /// <summary>Discipline.</summary>
    [Param("fifo or ps (processor sharing)")]
    public DisciplineName Discipline { get; set; } = DisciplineName.Fifo;

    /// <summary>Energy coefficient.</summary>
    [Param("edge energy per operation is kappa * f^2 joules; 0 = not counted", Min = 0)]
    public double Kappa { get; set; }

    /// <summary>Cache.</summary>
    [Param("model cache")]
    public CacheConfig Cache { get; set; } = new();

    /// <summary>Switch time.</summary>
    [Param("time charged when a core changes the loaded model; at t = 0 core c holds the (c mod n)-th of the n preloaded models (in the order of models; under processor sharing the server holds the first), so only a change of model costs it", Unit = UnitKind.Time, Min = 0)]
    public double SwitchTime { get; set; }
}
