namespace NetSim.Kernel.Resources;

/// <summary>A store whose gets may ask for the oldest item that matches a filter.</summary>
/// <typeparam name="T">Item type.</typeparam>
public sealed class FilterStore<T>(Simulation simulation, int capacity = int.MaxValue, string name = "filter-store")
    : Store<T>(simulation, capacity, name)
{
    /// <summary>Takes the oldest item for which <paramref name="filter"/> is true.</summary>
    public StoreGet<T> Get(Func<T, bool> filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return File(filter);
    }
}
