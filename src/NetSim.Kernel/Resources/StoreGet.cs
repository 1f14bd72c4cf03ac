using NetSim.Kernel.Events;

namespace NetSim.Kernel.Resources;

/// <summary>A get from a store: succeeds with the item (also in <see cref="Item"/>).</summary>
/// <typeparam name="T">Item type.</typeparam>
public sealed class StoreGet<T> : Event
{
    internal StoreGet(Simulation simulation, Func<T, bool>? filter)
        : base(simulation) => Filter = filter;

    /// <summary>The item obtained (default until the get succeeds).</summary>
    public T Item { get; private set; } = default!;

    internal Func<T, bool>? Filter { get; }

    internal void Deliver(T item)
    {
        Item = item;
        Succeed(item);
    }
}
