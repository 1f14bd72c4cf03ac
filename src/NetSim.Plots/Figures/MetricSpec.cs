namespace NetSim.Plots.Figures;

/// <summary>A summary metric drawn on a Y axis.</summary>
/// <param name="Metric">Name in the summary table (mean_latency, deadline_met_rate, ...).</param>
/// <param name="Label">Axis label with its unit.</param>
/// <param name="Scale">Factor from the stored SI value to the unit shown (1e3 for seconds to ms).</param>
/// <param name="TimesX">Multiply each run's value by the X value first (a rate times the number of UEs gives a count of UEs).</param>
/// <param name="LogY">Draw the axis on a log scale (for series orders of magnitude apart, such as a collapsed baseline).</param>
public sealed record MetricSpec(string Metric, string Label, double Scale = 1, bool TimesX = false, bool LogY = false)
{
    /// <summary>
    /// The metric the whole panel draws instead when any plotted run left tasks unfinished or
    /// dropped (its name, label and scale; <see cref="TimesX"/> and <see cref="LogY"/> stay), or null.
    /// A mean latency over completed tasks alone flatters the policy that leaves its slow tasks
    /// unfinished; the mean over all created tasks does not.
    /// </summary>
    public MetricSpec? IfUnfinished { get; init; }
}
