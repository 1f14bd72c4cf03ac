namespace NetSim.Kernel.Events;

/// <summary>
/// A scheduled call without a process: the cheap path for models that react to time rather than
/// wait in a process (see <see cref="Simulation.After(double, Action, int)"/>).
/// </summary>
internal sealed class Callback : Event
{
    private static readonly Action<object?> InvokeAction = static state => ((Action)state!)();
    private readonly Action<object?> _action;
    private readonly object? _state;

    internal Callback(Simulation simulation, double delay, Action<object?> action, object? state, int priority)
        : base(simulation, null)
    {
        _action = action;
        _state = state;
        simulation.Enqueue(this, delay, priority);
    }

    internal Callback(Simulation simulation, double delay, Action action, int priority)
        : this(simulation, delay, InvokeAction, action, priority)
    {
    }

    internal override void Process()
    {
        State = EventState.Processed;
        _action(_state);
    }

    internal override string Describe()
    {
        var target = ReferenceEquals(_action, InvokeAction) ? ((Action)_state!).Method : _action.Method;
        return _state is null || ReferenceEquals(_action, InvokeAction)
            ? $"callback {MethodName(target)}"
            : $"callback {MethodName(target)} with {_state.GetType().Name}";
    }
}
