namespace NetSim.Kernel.Events;

/// <summary>
/// Something that happens at a point of simulated time. An event is <see cref="EventState.Pending"/>
/// until something triggers it, ok (<see cref="Succeed"/>, with a <see cref="Value"/>) or failed
/// (<see cref="Fail"/>, with an <see cref="Exception"/>); it is then <see cref="EventState.Triggered"/>
/// and queued; when the simulation takes it from the queue it becomes
/// <see cref="EventState.Processed"/> and its callbacks run in the order they were added.
/// A failed event that nobody waits on and nobody defused stops the run with its exception.
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
    /// True when a failure has been taken care of (a waiting process handled it, or the owner
    /// said so), so that it does not stop the run.
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

    /// <summary>True when at least one callback is waiting.</summary>
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

        if (!IsOk && !Defused && callbacks is null)
        {
            throw new SimulationException($"{this} failed at t={Simulation.Now} and nothing waited on it: {Exception!.Message}", Exception!);
        }
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
