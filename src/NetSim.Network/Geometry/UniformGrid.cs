namespace NetSim.Network.Geometry;

/// <summary>
/// A spatial index of fixed points (the base stations): square cells of one side over the points'
/// bounding box, each listing its points in increasing index. It answers "which points lie within
/// a radius" and "which point is nearest" by visiting only the cells that can hold an answer, so a
/// query costs about the points near it, not all of them. Memory: one int per point and one per cell
/// (about as many cells as points).
/// </summary>
public sealed class UniformGrid
{
    private readonly Point[] _points;
    private readonly double _minX;
    private readonly double _minY;
    private readonly double _cell;
    private readonly int _columns;
    private readonly int _rows;
    private readonly int[] _cellStart;
    private readonly int[] _members;

    /// <summary>Indexes <paramref name="points"/> with cells holding about one point each.</summary>
    public UniformGrid(Point[] points)
    {
        _points = points;
        if (points.Length == 0)
        {
            _cell = 1;
            _columns = _rows = 1;
            _cellStart = new int[2];
            _members = [];
            return;
        }

        _minX = points.Min(p => p.X);
        _minY = points.Min(p => p.Y);
        var width = points.Max(p => p.X) - _minX;
        var height = points.Max(p => p.Y) - _minY;
        var side = Math.Max(width, height);
        var cell = Math.Sqrt(Math.Max(width * height, side * side / points.Length) / points.Length);
        _cell = cell > 0 && double.IsFinite(cell) ? cell : 1;
        _columns = Math.Clamp((int)(width / _cell) + 1, 1, 1 << 15);
        _rows = Math.Clamp((int)(height / _cell) + 1, 1, 1 << 15);
        _cellStart = new int[(_columns * _rows) + 1];
        var cellOf = new int[points.Length];
        for (var i = 0; i < points.Length; i++)
        {
            cellOf[i] = (Row(points[i].Y) * _columns) + Column(points[i].X);
            _cellStart[cellOf[i] + 1]++;
        }

        for (var c = 0; c < _columns * _rows; c++)
        {
            _cellStart[c + 1] += _cellStart[c];
        }

        _members = new int[points.Length];
        var fill = _cellStart[..^1];
        for (var i = 0; i < points.Length; i++)
        {
            _members[fill[cellOf[i]]++] = i;
        }
    }

    /// <summary>
    /// Adds to <paramref name="into"/>, in increasing index, every point at distance at most
    /// <paramref name="radius"/> from <paramref name="at"/> (distances as <see cref="Point.DistanceTo"/> computes them).
    /// </summary>
    public void Within(Point at, double radius, List<int> into)
    {
        var first = into.Count;
        var c0 = Column(at.X - radius);
        var c1 = Column(at.X + radius);
        var r0 = Row(at.Y - radius);
        var r1 = Row(at.Y + radius);
        for (var r = r0; r <= r1; r++)
        {
            for (var c = c0; c <= c1; c++)
            {
                var cell = (r * _columns) + c;
                for (var j = _cellStart[cell]; j < _cellStart[cell + 1]; j++)
                {
                    var m = _members[j];
                    if (at.DistanceTo(_points[m]) <= radius)
                    {
                        into.Add(m);
                    }
                }
            }
        }

        into.Sort(first, into.Count - first, null);
    }

    /// <summary>
    /// The point nearest to <paramref name="at"/>, the lowest index among equally near ones (what a
    /// scan of all points in index order keeping the first strictly nearer one finds), or -1 when
    /// there is none.
    /// </summary>
    public int Nearest(Point at)
    {
        if (_points.Length == 0)
        {
            return -1;
        }

        // Rings of cells around the one holding the point (unclamped, as it may lie outside the
        // grid); every point in ring k + 1 or beyond is at least k cells away.
        var cx = Math.Floor((at.X - _minX) / _cell);
        var cy = Math.Floor((at.Y - _minY) / _cell);
        var best = -1;
        var bestDistance = double.PositiveInfinity;
        var farthest = Math.Max(Math.Max(Math.Abs(cx), Math.Abs(cx - (_columns - 1))), Math.Max(Math.Abs(cy), Math.Abs(cy - (_rows - 1))));
        for (var k = 0; k <= farthest; k++)
        {
            if (best >= 0 && bestDistance < (k - 1) * _cell)
            {
                break;
            }

            for (var dy = -k; dy <= k; dy++)
            {
                var row = cy + dy;
                if (row < 0 || row >= _rows)
                {
                    continue;
                }

                var step = Math.Abs(dy) == k ? 1 : 2 * k;
                for (var dx = -k; dx <= k; dx += Math.Max(1, step))
                {
                    var column = cx + dx;
                    if (column < 0 || column >= _columns)
                    {
                        continue;
                    }

                    var cell = ((int)row * _columns) + (int)column;
                    for (var j = _cellStart[cell]; j < _cellStart[cell + 1]; j++)
                    {
                        var m = _members[j];
                        var d = at.DistanceTo(_points[m]);
                        if (d < bestDistance || (d == bestDistance && m < best))
                        {
                            bestDistance = d;
                            best = m;
                        }
                    }
                }
            }
        }

        return best;
    }

    private int Column(double x) => (int)Math.Clamp(Math.Floor((x - _minX) / _cell), 0, _columns - 1);

    private int Row(double y) => (int)Math.Clamp(Math.Floor((y - _minY) / _cell), 0, _rows - 1);
}
