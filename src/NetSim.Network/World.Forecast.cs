using NetSim.Network.Geometry;

namespace NetSim.Network;

/// <summary>The handover a policy can expect (docs/models.md, Mobility).</summary>
public sealed partial class World
{
    /// <summary>Position updates a forecast looks ahead at most.</summary>
    private const int ForecastUpdates = 1000;

    /// <summary>
    /// The next handover of <paramref name="ue"/> expected within <paramref name="horizon"/> seconds:
    /// seconds from now and the station it goes to, or (infinity, -1) for none. The UE is taken to
    /// keep its present velocity (a path's later turns, pauses and new legs are not foreseen), and the
    /// world's own rule is applied at its coming position updates: candidate, coverage, hysteresis
    /// and time to trigger, from the condition pending now. A UE that would leave all coverage is
    /// not handed over (its uploads fail), so none is expected; nor for a UE that stands still or is
    /// served by no station. At most <see cref="ForecastUpdates"/> updates are looked at.
    /// </summary>
    internal (double In, int To) ForecastHandover(int ue, double horizon)
    {
        var none = (double.PositiveInfinity, -1);
        if (_paths?[ue] is null || _serving[ue] < 0)
        {
            return none;
        }

        var (vx, vy) = VelocityNow(ue);
        if (vx == 0 && vy == 0)
        {
            return none;
        }

        var now = Simulation.Now;
        var from = PositionNow(ue);
        var serving = _serving[ue];
        var (pendingTo, since) = (_pendingTo[ue], _pendingSince[ue]);
        for (var k = _tickIndex + 1; k <= _tickIndex + ForecastUpdates; k++)
        {
            var t = k * _mobility.Update;
            if (t - now > horizon)
            {
                break;
            }

            var at = new Point(from.X + (vx * (t - now)), from.Y + (vy * (t - now)));
            var nearest = StationGrid.Nearest(at);
            var candidate = nearest >= 0 && CoversAt(nearest, ue, at, Channel.Gains.PathGainAt(at, nearest)) ? nearest : -1;
            if (!CoversAt(serving, ue, at, Channel.Gains.PathGainAt(at, serving)))
            {
                return candidate >= 0 ? (t - now, candidate) : none;
            }

            if (candidate < 0 || candidate == serving || !BetterAt(at, candidate, serving, Channel.Gains.PathGainAt(at, candidate), Channel.Gains.PathGainAt(at, serving)))
            {
                pendingTo = -1;
                continue;
            }

            if (pendingTo != candidate)
            {
                (pendingTo, since) = (candidate, t);
            }

            if (t - since >= _mobility.TimeToTrigger - TickSlack)
            {
                return (t - now, candidate);
            }
        }

        return none;
    }
}
