namespace NetSim.Network.Scenario.Config;

/// <summary>Channel models.</summary>
public enum ChannelName
{
    /// <summary>Shannon rate of the SINR.</summary>
    Shannon,

    /// <summary>A fixed rate.</summary>
    Ideal,
}
