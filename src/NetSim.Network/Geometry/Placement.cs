namespace NetSim.Network.Geometry;

/// <summary>Where a group of nodes stands.</summary>
/// <param name="Kind">Placement kind.</param>
/// <param name="Center">Centre of the disk or rectangle, metres.</param>
/// <param name="Radius">Disk radius, metres.</param>
/// <param name="Width">Rectangle or grid width, metres.</param>
/// <param name="Height">Rectangle or grid height, metres.</param>
/// <param name="Points">Explicit positions.</param>
public sealed record Placement(PlacementKind Kind, Point Center, double Radius, double Width, double Height, IReadOnlyList<Point> Points)
{
    /// <summary>
    /// Position of node <paramref name="index"/> of <paramref name="count"/>. Random kinds draw from
    /// <paramref name="rng"/>, which should be the node's own stream so that adding a node moves no other.
    /// </summary>
    public Point Position(int index, int count, Random rng)
    {
        switch (Kind)
        {
            case PlacementKind.Disk:
                {
                    // Inverse-CDF radius: uniform density over the disk's area.
                    var r = Radius * Math.Sqrt(rng.NextDouble());
                    var theta = 2 * Math.PI * rng.NextDouble();
                    return new Point(Center.X + (r * Math.Cos(theta)), Center.Y + (r * Math.Sin(theta)));
                }

            case PlacementKind.Rectangle:
                return new Point(Center.X + ((rng.NextDouble() - 0.5) * Width), Center.Y + ((rng.NextDouble() - 0.5) * Height));
            case PlacementKind.Grid:
                {
                    var columns = (int)Math.Ceiling(Math.Sqrt(count));
                    var rows = (int)Math.Ceiling((double)count / columns);
                    var col = index % columns;
                    var row = index / columns;
                    return new Point(
                        Center.X - (Width / 2) + ((col + 0.5) * Width / columns),
                        Center.Y - (Height / 2) + ((row + 0.5) * Height / rows));
                }

            case PlacementKind.Points:
                return Points[index];
            default:
                throw new InvalidOperationException($"unknown placement kind {Kind}");
        }
    }
}
