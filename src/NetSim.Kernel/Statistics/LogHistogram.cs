namespace NetSim.Kernel.Statistics;

/// <summary>
/// Counts non-negative values in logarithmic buckets between 1 ns and 10^9 (each <c>growth - 1</c>
/// wide, relative), in constant memory. A percentile is read at its bucket's geometric middle, so it is
/// within half a bucket's width of the exact nearest-rank percentile (the smallest value with at least
/// p% of values at or below it); values at or below 1 ns read as 0. Memory grows with the span of
/// the values counted, not with the buckets' full range: the counts are held for the buckets between
/// the lowest and the highest seen, and a histogram that has counted nothing holds none, so a meter
/// per node of a city-scale world costs little.
/// </summary>
public sealed class LogHistogram
{
    private const double Lowest = 1e-9;
    private readonly double _growth;
    private readonly double _logGrowth;
    private readonly int _buckets;
    private long[] _counts = [];
    private int _first;
    private long _zeros;

    /// <summary>A histogram whose buckets are <paramref name="growth"/> - 1 wide (1.001: 0.1%).</summary>
    public LogHistogram(double growth)
    {
        if (!(growth > 1) || double.IsInfinity(growth))
        {
            throw new ArgumentOutOfRangeException(nameof(growth), growth, "growth must be above 1");
        }

        _growth = growth;
        _logGrowth = Math.Log(growth);
        _buckets = (int)Math.Ceiling(Math.Log(1e9 / Lowest) / _logGrowth) + 2;
    }

    /// <summary>Values added.</summary>
    public long Count { get; private set; }

    /// <summary>Adds one value.</summary>
    public void Add(double value)
    {
        Count++;
        var b = Bucket(value);
        if (b == 0)
        {
            _zeros++;
            return;
        }

        if (b < _first || b >= _first + _counts.Length)
        {
            Hold(b);
        }

        _counts[b - _first]++;
    }

    /// <summary>The value below which <paramref name="percent"/>% of the values fall (nearest rank); NaN when empty.</summary>
    public double Percentile(double percent)
    {
        if (Count == 0)
        {
            return double.NaN;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(percent / 100 * Count));
        var seen = _zeros;
        if (seen >= rank)
        {
            return 0;
        }

        for (var i = 0; i < _counts.Length; i++)
        {
            seen += _counts[i];
            if (seen >= rank)
            {
                return Lowest * Math.Pow(_growth, _first + i - 0.5);
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
        return Math.Min(b, _buckets - 1);
    }

    /// <summary>Widens the buckets held to take in bucket <paramref name="b"/> (at least doubling them, so a run of widenings costs amortised O(1) per value).</summary>
    private void Hold(int b)
    {
        if (_counts.Length == 0)
        {
            _first = Math.Max(1, b - 8);
            _counts = new long[Math.Min(16, _buckets - _first)];
            return;
        }

        var last = _first + _counts.Length - 1;
        var grow = Math.Max(_counts.Length, Math.Max(_first - b, b - last));
        var first = b < _first ? Math.Max(1, _first - grow) : _first;
        var end = b > last ? Math.Min(_buckets - 1, last + grow) : last;
        var counts = new long[end - first + 1];
        Array.Copy(_counts, 0, counts, _first - first, _counts.Length);
        _counts = counts;
        _first = first;
    }
}
