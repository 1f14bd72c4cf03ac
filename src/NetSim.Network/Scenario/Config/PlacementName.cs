namespace NetSim.Network.Scenario.Config;

/// <summary>Placement kinds.</summary>
public enum PlacementName
{
    /// <summary>Uniform in a disk.</summary>
    Disk,

    /// <summary>Uniform in a rectangle.</summary>
    Rectangle,

    /// <summary>A regular grid.</summary>
    Grid,

    /// <summary>Explicit points.</summary>
    Points,
}
