namespace NetSim.Network.Scenario.Config;

/// <summary>Service disciplines.</summary>
public enum DisciplineName
{
    /// <summary>First in, first out.</summary>
    Fifo,

    /// <summary>Processor sharing.</summary>
    Ps,
}
