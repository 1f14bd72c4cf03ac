using NetSim.Network.Metrics;

namespace NetSim.Plots.Figures;

/// <summary>Axis labels of the summary metrics and swept parameters, for figures made from the command line.</summary>
public static class MetricLabels
{
    /// <summary>The metric with its axis label (label, population and unit, from <see cref="MetricCatalog"/>) and the scale to the unit shown.</summary>
    public static MetricSpec For(string metric)
    {
        var definition = MetricCatalog.For(metric);
        return new(metric, definition.Title, definition.Scale);
    }

    /// <summary>A label for parameter <paramref name="key"/> (its key path).</summary>
    public static string ForParameter(string key) => key switch
    {
        "ues.count" => "Number of UEs",
        "base_stations.count" => "Number of base stations",
        _ => key,
    };
}
