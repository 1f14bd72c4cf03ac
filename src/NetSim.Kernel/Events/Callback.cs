namespace NetSim.Kernel.Events;

/// <summary>
/// A scheduled call without a process: the cheap path for models that react to time rather than
/// wait in a process (see <see cref="Simulation.After(double, Action, int)"/>).
/// </summary>
internal sealed class Callback : Event
{
    private readonly Action _action;

    internal Callback(Simulation simulation, double delay, Action action, int priority)
        : base(simulation, null)
    {
        _action = action;
        simulation.Enqueue(this, delay, priority);
    }

    internal override void Process()
    {
        State = EventState.Processed;
        _action();
    }
}
