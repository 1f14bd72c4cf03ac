using MathNet.Numerics.RootFinding;

namespace NetSim.Policies.ScaKkt;

/// <summary>
/// The multiplier of a budget: the root of a continuous non-increasing excess function
/// (used minus available) on a bracket whose low end is over budget and high end within it.
/// MathNet's Brent method first; bisection if Brent does not converge (the excess carries the
/// inner solves' rounding noise). The answer is always a point within budget.
/// </summary>
internal static class PriceRoot
{
    private const double Accuracy = 1e-9;

    /// <summary>A price within budget, as close to the root as the accuracy allows.</summary>
    public static double Find(Func<double, double> excess, double low, double high)
    {
        if (Brent.TryFindRoot(excess, low, high, Accuracy * high, 100, out var root) && excess(root) <= 0)
        {
            return root;
        }

        for (var k = 0; k < 200 && high - low > Accuracy * high; k++)
        {
            var mid = 0.5 * (low + high);
            if (excess(mid) > 0)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return high;
    }
}
