using System.Globalization;

namespace NetSim.Network.Metrics;

/// <summary>
/// How a metric's value over replications is written in tables and reports: the mean in the
/// metric's unit, with its 95% Student-t half-width when two or more replications have a value, and
/// the count of those replications when some had none (a mean latency where nothing completed), so
/// a mean over part of the replications never passes for a mean over all of them.
/// </summary>
public static class MetricText
{
    /// <summary>The mean ± half-width of <paramref name="metric"/> over the per-replication <paramref name="values"/> (NaN where a replication has none).</summary>
    public static string Cell(Metric metric, IReadOnlyCollection<double> values, bool withUnit = false)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(values);
        var ci = ConfidenceInterval.Of(values.Select(v => v * metric.Scale));
        if (ci.Count == 0)
        {
            return "-";
        }

        var text = double.IsNaN(ci.HalfWidth) ? Number(ci.Mean) : $"{Number(ci.Mean)} ± {Number(ci.HalfWidth)}";
        if (withUnit && metric.Unit.Length > 0)
        {
            text += $" {metric.Unit}";
        }

        return ci.Count < values.Count ? $"{text} ({ci.Count} of {values.Count} replications)" : text;
    }

    /// <summary>A number with four significant digits, or thousands separated from 1,000 up.</summary>
    public static string Number(double v) =>
        Math.Abs(v) >= 1000 ? v.ToString("N0", CultureInfo.InvariantCulture) : v.ToString("G4", CultureInfo.InvariantCulture);
}
