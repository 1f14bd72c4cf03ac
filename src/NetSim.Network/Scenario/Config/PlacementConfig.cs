using NetSim.Network.Scenario.Units;

namespace NetSim.Network.Scenario.Config;

/// <summary>Where a group of nodes stands.</summary>
public sealed class PlacementConfig
{
    /// <summary>Placement kind.</summary>
    [Param("disk, rectangle (uniform at random), grid (regular) or points (explicit)")]
    public PlacementName Kind { get; set; } = PlacementName.Disk;

    /// <summary>Centre.</summary>
    [Param("centre of the disk, rectangle or grid: [x, y]", Unit = UnitKind.Distance)]
    public List<double> Center { get; set; } = [0, 0];

    /// <summary>Disk radius.</summary>
    [Param("disk radius", Unit = UnitKind.Distance, Min = 0, MinExclusive = true)]
    public double Radius { get; set; } = 500;

    /// <summary>Rectangle width.</summary>
    [Param("rectangle or grid width", Unit = UnitKind.Distance, Min = 0)]
    public double Width { get; set; } = 1000;

    /// <summary>Rectangle height.</summary>
    [Param("rectangle or grid height", Unit = UnitKind.Distance, Min = 0)]
    public double Height { get; set; } = 1000;

    /// <summary>Explicit positions.</summary>
    [Param("explicit positions [[x, y], ...], one per node", Unit = UnitKind.Distance, RequiredWhen = "kind=points")]
    public List<List<double>> Points { get; set; } = [];
}
