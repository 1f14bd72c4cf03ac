using NetSim.Network.Geometry;

namespace NetSim.Network.Mobility;

/// <summary>Constant velocity for ever: <paramref name="speed"/> m/s along <paramref name="headingDeg"/> degrees counter-clockwise from east.</summary>
public sealed class LinearTrajectory(Point start, double headingDeg, double speed) : Trajectory(start)
{
    /// <inheritdoc />
    protected override Leg Next(Point at, double end)
    {
        var heading = headingDeg * Math.PI / 180;
        return Leg.Endless(at, end, speed * Math.Cos(heading), speed * Math.Sin(heading));
    }
}

/// <summary>
/// Random waypoint: a destination uniform in the area, reached in a straight line at a speed
/// uniform in [<paramref name="speedMin"/>, <paramref name="speedMax"/>], then a pause, over and
/// over; each leg draws the destination's x, then its y, then the speed from <paramref name="random"/>.
/// </summary>
public sealed class RandomWaypointTrajectory(Point start, Area area, double speedMin, double speedMax, double pause, Random random) : Trajectory(start)
{
    private bool _paused = true;

    /// <inheritdoc />
    protected override Leg Next(Point at, double end)
    {
        if (!_paused && pause > 0)
        {
            _paused = true;
            return Leg.Pause(at, end, pause);
        }

        _paused = false;
        var to = area.Uniform(random);
        var speed = speedMin + ((speedMax - speedMin) * random.NextDouble());
        var duration = at.DistanceTo(to) / speed;
        return new Leg(at, to, end, end + duration);
    }
}

/// <summary>
/// Gauss-Markov mobility (Liang and Haas; Camp, Boleng and Davies): every step, speed and heading are drawn anew,
/// <c>s = alpha s + (1 - alpha) mean_s + sqrt(1 - alpha^2) sd_s N(0,1)</c> (at least 0) and alike for
/// the heading around its mean, then held for the step. The first heading and its mean are uniform
/// in [0, 2 pi). A step that would leave the area is reflected off its border (the velocity's
/// component across it reversed) and the mean heading turns with it; if it would still leave, the
/// UE stands still for that step.
/// </summary>
public sealed class GaussMarkovTrajectory : Trajectory
{
    private readonly Area _area;
    private readonly double _meanSpeed;
    private readonly double _alpha;
    private readonly double _step;
    private readonly double _speedSd;
    private readonly double _headingSd;
    private readonly Random _random;
    private double _speed;
    private double _heading;
    private double _meanHeading;

    /// <param name="start">Where the UE stands at time 0.</param>
    /// <param name="area">Where it may go.</param>
    /// <param name="meanSpeed">Mean speed, metres per second.</param>
    /// <param name="alpha">Memory, 0 (memoryless) to 1 (constant velocity).</param>
    /// <param name="step">Seconds between draws.</param>
    /// <param name="speedSd">Standard deviation of the speed, metres per second.</param>
    /// <param name="headingSd">Standard deviation of the heading, radians.</param>
    /// <param name="random">The UE's mobility stream.</param>
    public GaussMarkovTrajectory(Point start, Area area, double meanSpeed, double alpha, double step, double speedSd, double headingSd, Random random)
        : base(start)
    {
        _area = area;
        _meanSpeed = meanSpeed;
        _alpha = alpha;
        _step = step;
        _speedSd = speedSd;
        _headingSd = headingSd;
        _random = random;
        _speed = meanSpeed;
        _heading = 2 * Math.PI * random.NextDouble();
        _meanHeading = _heading;
    }

    /// <inheritdoc />
    protected override Leg Next(Point at, double end)
    {
        if (end > 0)
        {
            var noise = Math.Sqrt(1 - (_alpha * _alpha));
            _speed = Math.Max(0, (_alpha * _speed) + ((1 - _alpha) * _meanSpeed) + (noise * _speedSd * Normal()));
            _heading = (_alpha * _heading) + ((1 - _alpha) * _meanHeading) + (noise * _headingSd * Normal());
        }

        var vx = _speed * Math.Cos(_heading);
        var vy = _speed * Math.Sin(_heading);
        var to = new Point(at.X + (vx * _step), at.Y + (vy * _step));
        if (!_area.Contains(to))
        {
            vx = to.X < _area.MinX || to.X > _area.MaxX ? -vx : vx;
            vy = to.Y < _area.MinY || to.Y > _area.MaxY ? -vy : vy;
            _heading = Math.Atan2(vy, vx);
            _meanHeading = _heading;
            to = new Point(at.X + (vx * _step), at.Y + (vy * _step));
            if (!_area.Contains(to))
            {
                to = at;
            }
        }

        return new Leg(at, to, end, end + _step);
    }

    private double Normal() => MathNet.Numerics.Distributions.Normal.Sample(_random, 0, 1);
}

/// <summary>
/// A path given as timed points, interpolated linearly between them; before the first point the
/// UE stands at it, after the last it stays at the last.
/// </summary>
public sealed class TracedTrajectory : Trajectory
{
    private readonly IReadOnlyList<(double Time, Point At)> _points;
    private int _next;

    /// <param name="points">The points in increasing time (at least one).</param>
    public TracedTrajectory(IReadOnlyList<(double Time, Point At)> points)
        : base(points[0].At)
    {
        _points = points;
    }

    /// <inheritdoc />
    protected override Leg Next(Point at, double end)
    {
        while (_next < _points.Count && _points[_next].Time <= end)
        {
            _next++;
        }

        if (_next == 0)
        {
            return Leg.Pause(at, end, _points[0].Time - end);
        }

        if (_next == _points.Count)
        {
            return Leg.Endless(_points[^1].At, end, 0, 0);
        }

        var (t0, p0) = _points[_next - 1];
        var (t1, p1) = _points[_next];
        return new Leg(p0, p1, t0, t1);
    }
}

/// <summary>A rectangle [MinX, MaxX] x [MinY, MaxY], metres.</summary>
public readonly record struct Area(double MinX, double MinY, double MaxX, double MaxY)
{
    /// <summary>Whether <paramref name="p"/> lies in the area (borders included).</summary>
    public bool Contains(Point p) => p.X >= MinX && p.X <= MaxX && p.Y >= MinY && p.Y <= MaxY;

    /// <summary>A point uniform in the area: x drawn first, then y.</summary>
    public Point Uniform(Random random)
    {
        var x = MinX + ((MaxX - MinX) * random.NextDouble());
        var y = MinY + ((MaxY - MinY) * random.NextDouble());
        return new Point(x, y);
    }
}
