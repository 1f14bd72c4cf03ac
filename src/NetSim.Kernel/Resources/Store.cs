namespace NetSim.Kernel.Resources;

/// <summary>
/// Items in first-in first-out order, at most <see cref="Capacity"/> of them. A put waits while the
/// store is full; a get waits while no item is there (in a <see cref="FilterStore{T}"/>, no matching
/// item). Waiting puts and gets are served in the order they were made.
/// </summary>
/// <typeparam name="T">Item type.</typeparam>
public class Store<T>
{
    private readonly LinkedList<T> _items = new();
    private readonly Queue<StorePut<T>> _puts = new();
    private readonly List<StoreGet<T>> _gets = new();

    /// <summary>A store holding at most <paramref name="capacity"/> items.</summary>
    public Store(Simulation simulation, int capacity = int.MaxValue, string name = "store")
    {
        ArgumentNullException.ThrowIfNull(simulation);
        if (capacity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, $"{name}: capacity {capacity} (at least 1 expected)");
        }

        Simulation = simulation;
        Capacity = capacity;
        Name = name;
    }

    /// <summary>The simulation.</summary>
    public Simulation Simulation { get; }

    /// <summary>Largest number of items held.</summary>
    public int Capacity { get; }

    /// <summary>Name used in messages and traces.</summary>
    public string Name { get; }

    /// <summary>Items held.</summary>
    public int Count => _items.Count;

    /// <summary>The items, oldest first.</summary>
    public IEnumerable<T> Items => _items;

    /// <summary>Raised with (time, items held) after that number changes.</summary>
    public event Action<double, int>? CountChanged;

    /// <summary>Puts <paramref name="item"/>; the event succeeds once it is in.</summary>
    public StorePut<T> Put(T item)
    {
        var put = new StorePut<T>(Simulation, item);
        _puts.Enqueue(put);
        Settle();
        return put;
    }

    /// <summary>Takes the oldest item; the event succeeds with it.</summary>
    public StoreGet<T> Get() => File(null);

    /// <summary>Files a get with an optional filter.</summary>
    private protected StoreGet<T> File(Func<T, bool>? filter)
    {
        var get = new StoreGet<T>(Simulation, filter);
        _gets.Add(get);
        Settle();
        return get;
    }

    /// <summary>Serves waiting puts and gets until neither can proceed.</summary>
    private void Settle()
    {
        var changed = false;
        bool progress;
        do
        {
            progress = false;
            while (_puts.Count > 0 && _items.Count < Capacity)
            {
                var put = _puts.Dequeue();
                _items.AddLast(put.Item);
                put.Succeed();
                changed = progress = true;
            }

            for (var i = 0; i < _gets.Count && _items.Count > 0;)
            {
                var get = _gets[i];
                var node = Find(get.Filter);
                if (node is null)
                {
                    if (get.Filter is null)
                    {
                        break;
                    }

                    i++;
                    continue;
                }

                _items.Remove(node);
                _gets.RemoveAt(i);
                get.Deliver(node.Value);
                changed = progress = true;
            }
        }
        while (progress);

        if (changed)
        {
            CountChanged?.Invoke(Simulation.Now, _items.Count);
        }
    }

    private LinkedListNode<T>? Find(Func<T, bool>? filter)
    {
        if (filter is null)
        {
            return _items.First;
        }

        for (var node = _items.First; node is not null; node = node.Next)
        {
            if (filter(node.Value))
            {
                return node;
            }
        }

        return null;
    }
}
