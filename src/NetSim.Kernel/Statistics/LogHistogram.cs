namespace NetSim.Kernel.Statistics;

/// <summary>
/// Counts non-negative values in logarithmic buckets between 1 ns and 10^9 (each <c>growth - 1</c>
/// wide, relative), in constant memory. A percentile is read at its bucket's geometric middle, so it is
/// within half a bucket's width of the exact nearest-rank percentile (the smallest value with at least
/// p% of values at or below it); values at or below 1 ns read as 0.
/// </summary>
public sealed class LogHistogram
{
    private const double Lowest = 1e-9;
    private readonly double _growth;
    private readonly double _logGrowth;
    private readonly long[] _counts;

    /// <summary>A histogram whose buckets are <paramref name="growth"/> - 1 wide (1.001: 0.1%).</summary>
    public LogHistogram(double growth)
    {
        if (!(growth > 1) || double.IsInfinity(growth))
        {
            throw new ArgumentOutOfRangeException(nameof(growth), growth, "growth must be above 1");
        }

        _growth = growth;
        _logGrowth = Math.Log(growth);
        _counts = new long[(int)Math.Ceiling(Math.Log(1e9 / Lowest) / _logGrowth) + 2];
    }

    /// <summary>Values added.</summary>
    public long Count { get; private set; }

    /// <summary>Adds one value.</summary>
    public void Add(double value)
    {
        Count++;
        _counts[Bucket(value)]++;
    }

    /// <summary>The value below which <paramref name="percent"/>% of the values fall (nearest rank); NaN when empty.</summary>
    public double Percentile(double percent)
    {
        if (Count == 0)
        {
            return double.NaN;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(percent / 100 * Count));
        long seen = 0;
        for (var b = 0; b < _counts.Length; b++)
        {
            seen += _counts[b];
            if (seen >= rank)
            {
                return b == 0 ? 0 : Lowest * Math.Pow(_growth, b - 0.5);
            }
        }

        return double.NaN;
    }

    private int Bucket(double value)
    {
        if (!(value > Lowest))
        {
            return 0;
        }

        var b = (int)(Math.Log(value / Lowest) / _logGrowth) + 1;
        return Math.Min(b, _counts.Length - 1);
    }
}
