using NetSim.Network.Geometry;

namespace NetSim.Network.Mobility;

/// <summary>
/// A moving UE's path: a sequence of legs, each a straight line at constant velocity (a pause is a
/// leg at zero velocity), generated one after another as simulated time reaches them from the
/// UE's own random stream. The legs do not depend on when the path is read, so the position at a
/// moment is the same whoever asks and whenever; it is exact (no time step) at any moment. Reads
/// must not go back in time past the leg in progress.
/// </summary>
public abstract class Trajectory
{
    private Leg _leg;

    /// <param name="start">Where the UE stands at time 0.</param>
    protected Trajectory(Point start) => _leg = new Leg(start, start, 0, 0);

    /// <summary>Called with each leg as it is generated (when a read first reaches it), in order; null: nobody listens.</summary>
    public Action<Leg>? LegStarted { get; set; }

    /// <summary>Where the UE is at <paramref name="time"/>, metres.</summary>
    public Point At(double time)
    {
        Reach(time);
        var dt = time - _leg.Start;
        return new Point(_leg.From.X + (_leg.Vx * dt), _leg.From.Y + (_leg.Vy * dt));
    }

    /// <summary>The UE's velocity at <paramref name="time"/> (that of the leg holding it), metres per second.</summary>
    public (double Vx, double Vy) VelocityAt(double time)
    {
        Reach(time);
        return (_leg.Vx, _leg.Vy);
    }

    /// <summary>The leg after one that ended at <paramref name="end"/> at <paramref name="at"/>.</summary>
    protected abstract Leg Next(Point at, double end);

    private void Reach(double time)
    {
        if (time < _leg.Start)
        {
            throw new InvalidOperationException($"trajectory read at t={time}, before the leg in progress (from t={_leg.Start})");
        }

        while (time > _leg.End)
        {
            _leg = Next(_leg.To, _leg.End);
            LegStarted?.Invoke(_leg);
        }
    }
}

/// <summary>
/// One leg of a <see cref="Trajectory"/>: from <see cref="From"/> at <see cref="Start"/> to
/// <see cref="To"/> at <see cref="End"/> in a straight line at constant speed.
/// </summary>
public readonly record struct Leg(Point From, Point To, double Start, double End)
{
    /// <summary>East velocity, metres per second (0 for a pause or an endless leg without one).</summary>
    public double Vx { get; init; } = End > Start && !double.IsPositiveInfinity(End) ? (To.X - From.X) / (End - Start) : 0;

    /// <summary>North velocity, metres per second.</summary>
    public double Vy { get; init; } = End > Start && !double.IsPositiveInfinity(End) ? (To.Y - From.Y) / (End - Start) : 0;

    /// <summary>An endless leg from <paramref name="from"/> at <paramref name="start"/> with velocity (vx, vy).</summary>
    public static Leg Endless(Point from, double start, double vx, double vy) =>
        new(from, from, start, double.PositiveInfinity) { Vx = vx, Vy = vy };

    /// <summary>A pause at <paramref name="at"/> from <paramref name="start"/> for <paramref name="duration"/> seconds.</summary>
    public static Leg Pause(Point at, double start, double duration) => new(at, at, start, start + duration);
}
