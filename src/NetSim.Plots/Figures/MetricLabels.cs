namespace NetSim.Plots.Figures;

/// <summary>Axis labels and units of the summary metrics, for figures made from the command line.</summary>
public static class MetricLabels
{
    /// <summary>The metric with its label and the scale to the unit shown.</summary>
    public static MetricSpec For(string metric) => metric switch
    {
        "mean_latency" => new(metric, "Mean latency (ms)", 1e3),
        "p50_latency" => new(metric, "Median latency (ms)", 1e3),
        "p95_latency" => new(metric, "95th percentile latency (ms)", 1e3),
        "p99_latency" => new(metric, "99th percentile latency (ms)", 1e3),
        "deadline_met_rate" => new(metric, "Deadline met (%)", 100),
        "completion_rate" => new(metric, "Completion rate (%)", 100),
        "mean_energy_j" => new(metric, "Mean energy per task (mJ)", 1e3),
        "mean_quality" => new(metric, "Mean quality (utility)"),
        "throughput_tasks_per_s" => new(metric, "Throughput (tasks/s)"),
        _ when metric.StartsWith("utilisation:", StringComparison.Ordinal) => new(metric, $"Utilisation of {metric["utilisation:".Length..]} (%)", 100),
        _ => new(metric, metric),
    };

    /// <summary>A label for parameter <paramref name="key"/> (its key path).</summary>
    public static string ForParameter(string key) => key switch
    {
        "ues.count" => "Number of UEs",
        "base_stations.count" => "Number of base stations",
        _ => key,
    };
}
