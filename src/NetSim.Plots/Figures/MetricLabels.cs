using NetSim.Network.Metrics;

namespace NetSim.Plots.Figures;

/// <summary>Axis labels of the summary metrics (from the metric catalog) and of swept parameters, for every figure.</summary>
public static class MetricLabels
{
    /// <summary>The metric with its axis label (label, population and unit, from <see cref="MetricCatalog"/>) and the scale to the unit shown.</summary>
    public static MetricSpec For(string metric)
    {
        var definition = MetricCatalog.For(metric);
        return new(metric, definition.Title, definition.Scale);
    }

    /// <summary>The axis label of parameter <paramref name="key"/> (a key path): what it is and its unit (see <see cref="ParameterLabel"/>).</summary>
    public static string ForParameter(string key) => ParameterLabel.Axis(key);
}
