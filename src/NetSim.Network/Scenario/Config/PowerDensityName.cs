namespace NetSim.Network.Scenario.Config;

/// <summary>Where uplink power, noise and interference are counted.</summary>
public enum PowerDensityName
{
    /// <summary>Over the UE's share of the band.</summary>
    Share,

    /// <summary>Over the whole band (Zhou et al.).</summary>
    Band,
}
