namespace NetSim.Network.Geometry;

/// <summary>How a group of nodes is placed.</summary>
public enum PlacementKind
{
    /// <summary>Uniformly at random in a disk.</summary>
    Disk,

    /// <summary>Uniformly at random in a rectangle.</summary>
    Rectangle,

    /// <summary>On a regular grid filling a rectangle (cell centres, as square as the count allows).</summary>
    Grid,

    /// <summary>At explicit points.</summary>
    Points,
}
