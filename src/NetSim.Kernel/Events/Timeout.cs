namespace NetSim.Kernel.Events;

/// <summary>An event that succeeds by itself after a delay; created triggered.</summary>
public sealed class Timeout : Event
{
    internal Timeout(Simulation simulation, double delay, object? value, int priority)
        : base(simulation)
    {
        SetOutcome(true, value, null);
        simulation.Enqueue(this, delay, priority);
        Delay = delay;
    }

    /// <summary>The delay it was created with, seconds.</summary>
    public double Delay { get; }

    /// <inheritdoc />
    public override string ToString() => $"Timeout({Delay})";
}
