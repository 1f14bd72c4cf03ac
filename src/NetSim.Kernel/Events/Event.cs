using System.Reflection;

namespace NetSim.Kernel.Events;

/// <summary>
/// Something that happens at a point of simulated time. An event is <see cref="EventState.Pending"/>
/// until something triggers it, ok (<see cref="Succeed"/>, with a <see cref="Value"/>) or failed
/// (<see cref="Fail"/>, with an <see cref="Exception"/>); it is then <see cref="EventState.Triggered"/>
/// and queued; when the simulation takes it from the queue it becomes
/// <see cref="EventState.Processed"/> and its callbacks run in the order they were added.
/// <para>
/// A failure is never dropped: once its callbacks have run, a failed event that is not
/// <see cref="Defused"/> stops the run with a <see cref="SimulationException"/> naming the event,
/// the time and the failure. A process waiting on the event defuses it when it resumes (and must
/// then call <see cref="Events.Process.HandleFault"/> or fail itself); a
/// <see cref="Condition"/> defuses the failure it takes over; a callback that deals with the
/// failure must say so by setting <see cref="Defused"/>, as SimPy's <c>event.defused = True</c>.
/// </para>
/// </summary>
public class Event
{
    // One callback (an Action<Event>, or a waiting Process resumed without a delegate call), or a
    // List<Action<Event>> when there are several.
    private object? _callbacks;

    // The success value, or the exception when the event failed.
    private object? _outcome;

    /// <summary>Creates a pending event of <paramref name="simulation"/>.</summary>
    public Event(Simulation simulation)
    {
        ArgumentNullException.ThrowIfNull(simulation);
        Simulation = simulation;
    }

    /// <summary>Creates an event already triggered ok with <paramref name="value"/> (the caller queues it).</summary>
    private protected Event(Simulation simulation, object? value)
    {
        Simulation = simulation;
        IsOk = true;
        _outcome = value;
    }

    /// <summary>The simulation the event belongs to.</summary>
    public Simulation Simulation { get; }

    /// <summary>Pending, triggered or processed.</summary>
    public EventState State { get; internal set; }

    /// <summary>True once the outcome is set (triggered or processed).</summary>
    public bool IsTriggered => State != EventState.Pending;

    /// <summary>True once the callbacks have run.</summary>
    public bool IsProcessed => State == EventState.Processed;

    /// <summary>True when the event succeeded (meaningful once triggered).</summary>
    public bool IsOk { get; private set; }

    /// <summary>The success value (null when failed or not yet triggered).</summary>
    public object? Value => IsOk ? _outcome : null;

    /// <summary>The failure, or null.</summary>
    public Exception? Exception => IsOk ? null : _outcome as Exception;

    /// <summary>
    /// True when a failure has been taken care of, so that it does not stop the run: a waiting
    /// process or condition took it over, or a callback (or the owner) set it to say it dealt with
    /// the failure. Set it at the latest in a callback of the failed event.
    /// </summary>
    public bool Defused { get; set; }

    /// <summary>Triggers the event as successful with <paramref name="value"/>, to be processed now.</summary>
    public Event Succeed(object? value = null, int priority = 0)
    {
        EnsurePending();
        IsOk = true;
        _outcome = value;
        Simulation.Enqueue(this, 0, priority);
        return this;
    }

    /// <summary>Triggers the event as failed with <paramref name="exception"/>, to be processed now.</summary>
    public Event Fail(Exception exception, int priority = 0)
    {
        ArgumentNullException.ThrowIfNull(exception);
        EnsurePending();
        IsOk = false;
        _outcome = exception;
        Simulation.Enqueue(this, 0, priority);
        return this;
    }

    /// <summary>Adds a callback, run when the event is processed.</summary>
    /// <remarks>Adding a callback to a processed event throws: its moment has passed.</remarks>
    public void AddCallback(Action<Event> callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        if (State == EventState.Processed)
        {
            throw new InvalidOperationException($"{this} was already processed at or before t={Simulation.Now}; a callback added now would never run");
        }

        switch (_callbacks)
        {
            case null:
                _callbacks = callback;
                break;
            case Process waiter:
                _callbacks = new List<Action<Event>>(2) { waiter.ResumeCallback, callback };
                break;
            case Action<Event> single:
                _callbacks = new List<Action<Event>>(2) { single, callback };
                break;
            case List<Action<Event>> list:
                list.Add(callback);
                break;
        }
    }

    /// <summary>Registers a process waiting on this event (the fast path of a <c>yield</c>).</summary>
    internal void AddWaiter(Process process)
    {
        if (_callbacks is null)
        {
            _callbacks = process;
        }
        else
        {
            AddCallback(process.ResumeCallback);
        }
    }

    /// <summary>Unregisters a waiting process (after an interrupt).</summary>
    internal void RemoveWaiter(Process process)
    {
        if (ReferenceEquals(_callbacks, process))
        {
            _callbacks = null;
        }
        else
        {
            RemoveCallback(process.ResumeCallback);
        }
    }

    /// <summary>Removes a callback added before (no effect if absent).</summary>
    public void RemoveCallback(Action<Event> callback)
    {
        switch (_callbacks)
        {
            case Action<Event> single when single == callback:
                _callbacks = null;
                break;
            case List<Action<Event>> list:
                list.Remove(callback);
                break;
        }
    }

    /// <summary>Runs the callbacks; called by the simulation when it takes the event from the queue.</summary>
    internal virtual void Process()
    {
        State = EventState.Processed;
        var callbacks = _callbacks;
        _callbacks = null;
        switch (callbacks)
        {
            case null:
                break;
            case Process waiter:
                waiter.Resume(this);
                break;
            case Action<Event> single:
                single(this);
                break;
            case List<Action<Event>> list:
                foreach (var callback in list)
                {
                    callback(this);
                }

                break;
        }

        if (!IsOk && !Defused)
        {
            var waited = callbacks is null ? "nothing waited on it" : "no process or callback handled the failure (a callback that does must set Defused)";
            throw new SimulationException($"{this} failed at t={Simulation.Now} and {waited}: {Exception!.Message}", Exception!);
        }
    }

    /// <summary>What processing the event will do (its type and whom it resumes or calls), for diagnostics.</summary>
    internal virtual string Describe()
    {
        var first = _callbacks switch
        {
            Process waiter => waiter.ResumeCallback,
            Action<Event> single => single,
            List<Action<Event>> { Count: > 0 } list => list[0],
            _ => null,
        };
        return first switch
        {
            null => ToString(),
            { Target: Process waiter } => $"{this} resuming {waiter}",
            _ => $"{this} calling {MethodName(first.Method)}",
        };
    }

    /// <summary>A readable name of <paramref name="method"/>: Type.Method, with compiler-generated lambda and local-function names unwrapped.</summary>
    private protected static string MethodName(MethodInfo method)
    {
        var type = method.DeclaringType;
        while (type?.DeclaringType is not null && type.Name.StartsWith('<'))
        {
            type = type.DeclaringType;
        }

        var name = method.Name;
        var close = name.IndexOf('>', StringComparison.Ordinal);
        if (name.StartsWith('<') && close > 1)
        {
            var local = name.IndexOf("g__", close, StringComparison.Ordinal);
            var bar = local < 0 ? -1 : name.IndexOf('|', local);
            name = bar > local ? name[(local + 3)..bar] : $"{name[1..close]} (lambda)";
        }

        return type is null ? name : $"{type.Name}.{name}";
    }

    private void EnsurePending()
    {
        if (State != EventState.Pending)
        {
            throw new InvalidOperationException($"{this} was already triggered ({(IsOk ? "ok" : "failed")}); an event is triggered once");
        }
    }

    /// <inheritdoc />
    public override string ToString() => GetType().Name;
}
