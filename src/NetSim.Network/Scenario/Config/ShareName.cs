namespace NetSim.Network.Scenario.Config;

/// <summary>Bandwidth sharing.</summary>
public enum ShareName
{
    /// <summary>Equal shares.</summary>
    Equal,

    /// <summary>Shares set by the policy.</summary>
    Policy,
}
