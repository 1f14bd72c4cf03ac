namespace NetSim.Plots.Building;

/// <summary>Trailing moving average: value i is the mean of values max(0, i - window + 1) to i.</summary>
public static class Smoothing
{
    /// <summary>The trailing moving average of <paramref name="values"/> over <paramref name="window"/> values.</summary>
    public static double[] MovingAverage(IReadOnlyList<double> values, int window)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        var result = new double[values.Count];
        var sum = 0.0;
        for (var i = 0; i < values.Count; i++)
        {
            sum += values[i];
            if (i >= window)
            {
                sum -= values[i - window];
            }

            result[i] = sum / Math.Min(i + 1, window);
        }

        return result;
    }
}
