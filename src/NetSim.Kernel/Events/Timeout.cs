namespace NetSim.Kernel.Events;

/// <summary>An event that succeeds by itself after a delay; created triggered.</summary>
public sealed class Timeout : Event
{
    internal Timeout(Simulation simulation, double delay, object? value, int priority)
        : base(simulation, value)
    {
        simulation.Enqueue(this, delay, priority);
    }
}
