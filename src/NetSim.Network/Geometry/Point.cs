namespace NetSim.Network.Geometry;

/// <summary>A position on the plane, in metres.</summary>
/// <param name="X">East coordinate, metres.</param>
/// <param name="Y">North coordinate, metres.</param>
public readonly record struct Point(double X, double Y)
{
    /// <summary>Euclidean distance to another point, in metres.</summary>
    public double DistanceTo(Point other)
    {
        var dx = X - other.X;
        var dy = Y - other.Y;
        return Math.Sqrt((dx * dx) + (dy * dy));
    }
}
