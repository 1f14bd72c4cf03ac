namespace NetSim.Network.Scenario.Config;

/// <summary>Fading models.</summary>
public enum FadingName
{
    /// <summary>No fading.</summary>
    None,

    /// <summary>Rayleigh block fading.</summary>
    Rayleigh,
}
