using NetSim.Kernel.Events;

namespace NetSim.Kernel.Resources;

/// <summary>A put into a store: succeeds when the item is in.</summary>
/// <typeparam name="T">Item type.</typeparam>
public sealed class StorePut<T> : Event
{
    internal StorePut(Simulation simulation, T item)
        : base(simulation) => Item = item;

    /// <summary>The item being put.</summary>
    public T Item { get; }
}
