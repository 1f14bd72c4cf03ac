namespace NetSim.Network.Scenario.Yaml;

/// <summary>The values (keys included, aliases expanded) left to read for one scenario, over all its files.</summary>
/// <param name="limit">The most values in all.</param>
internal sealed class ValueBudget(long limit)
{
    /// <summary>The most values in all.</summary>
    public long Limit { get; } = limit;

    /// <summary>Values read so far.</summary>
    public long Used { get; private set; }

    /// <summary>Takes <paramref name="values"/>; false when that goes past <see cref="Limit"/>.</summary>
    public bool Take(long values)
    {
        Used += values;
        return Used <= Limit;
    }
}
