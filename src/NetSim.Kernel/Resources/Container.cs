using NetSim.Kernel.Events;

namespace NetSim.Kernel.Resources;

/// <summary>
/// A continuous amount between 0 and <see cref="Capacity"/>. A put waits until its amount fits, a
/// get until its amount is there; each side is served strictly in order (the first waiting put
/// blocks the puts behind it, likewise for gets).
/// </summary>
public sealed class Container
{
    private readonly Queue<(Event Event, double Amount)> _puts = new();
    private readonly Queue<(Event Event, double Amount)> _gets = new();

    /// <summary>A container holding <paramref name="initial"/> of at most <paramref name="capacity"/>.</summary>
    public Container(Simulation simulation, double capacity = double.PositiveInfinity, double initial = 0, string name = "container")
    {
        ArgumentNullException.ThrowIfNull(simulation);
        if (!(capacity > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, $"{name}: capacity {capacity} (a positive amount expected)");
        }

        if (!(initial >= 0 && initial <= capacity))
        {
            throw new ArgumentOutOfRangeException(nameof(initial), initial, $"{name}: initial level {initial} is outside [0, {capacity}]");
        }

        Simulation = simulation;
        Capacity = capacity;
        Level = initial;
        Name = name;
    }

    /// <summary>The simulation.</summary>
    public Simulation Simulation { get; }

    /// <summary>Largest level.</summary>
    public double Capacity { get; }

    /// <summary>Current level.</summary>
    public double Level { get; private set; }

    /// <summary>Name used in messages and traces.</summary>
    public string Name { get; }

    /// <summary>Raised with (time, level) after the level changes.</summary>
    public event Action<double, double>? LevelChanged;

    /// <summary>Adds <paramref name="amount"/>; the event succeeds once it fits.</summary>
    public Event Put(double amount) => File(_puts, amount, nameof(Put));

    /// <summary>Removes <paramref name="amount"/>; the event succeeds once it is there.</summary>
    public Event Get(double amount) => File(_gets, amount, nameof(Get));

    private Event File(Queue<(Event, double)> queue, double amount, string what)
    {
        if (!(amount > 0) || double.IsInfinity(amount) || amount > Capacity)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, $"{Name}: {what} amount {amount} (a positive amount up to the capacity {Capacity} expected)");
        }

        var ev = new Event(Simulation);
        queue.Enqueue((ev, amount));
        Settle();
        return ev;
    }

    private void Settle()
    {
        var changed = false;
        bool progress;
        do
        {
            progress = false;
            if (_puts.Count > 0 && Level + _puts.Peek().Amount <= Capacity)
            {
                var (ev, amount) = _puts.Dequeue();
                Level += amount;
                ev.Succeed(amount);
                changed = progress = true;
            }

            if (_gets.Count > 0 && Level >= _gets.Peek().Amount)
            {
                var (ev, amount) = _gets.Dequeue();
                Level -= amount;
                ev.Succeed(amount);
                changed = progress = true;
            }
        }
        while (progress);

        if (changed)
        {
            LevelChanged?.Invoke(Simulation.Now, Level);
        }
    }
}
