namespace NetSim.Network.Scenario.Config;

/// <summary>What a refused task does instead.</summary>
public enum FallbackName
{
    /// <summary>Runs wholly on its device.</summary>
    Local,

    /// <summary>Goes to the cloud.</summary>
    Cloud,

    /// <summary>Is dropped.</summary>
    Drop,
}
