namespace NetSim.Network.Metrics;

/// <summary>
/// A reported metric: its name in the trace database's <c>summary</c> table, how it is shown, and
/// the population it is computed over. Every table, report and figure takes its label, unit and
/// population from here (<see cref="MetricCatalog"/>), so a number never appears without saying
/// what it is over.
/// </summary>
/// <param name="Name">Name in the <c>summary</c> table (<c>mean_latency</c>, <c>utilisation:edge:0</c>, ...).</param>
/// <param name="Label">What it is, capitalised, without unit or population ("Mean latency").</param>
/// <param name="Unit">Unit shown ("ms", "%"), or empty for a plain number.</param>
/// <param name="Scale">Factor from the stored SI value to <paramref name="Unit"/> (1e3 for seconds to ms).</param>
/// <param name="Over">The population, short ("completed tasks").</param>
/// <param name="Definition">The whole definition, for documentation and help texts.</param>
public sealed record Metric(string Name, string Label, string Unit, double Scale, string Over, string Definition)
{
    /// <summary>The label with its population and unit, as an axis or column title: "Mean latency, completed tasks (ms)".</summary>
    public string Title => Over.Length > 0 ? $"{Label}, {Over}{UnitSuffix}" : $"{Label}{UnitSuffix}";

    /// <summary>The label with its unit but not its population, where the population is said elsewhere.</summary>
    public string ShortTitle => $"{Label}{UnitSuffix}";

    private string UnitSuffix => Unit.Length > 0 ? $" ({Unit})" : string.Empty;
}
