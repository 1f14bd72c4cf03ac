namespace NetSim.Kernel.Events;

/// <summary>
/// A process: a C# iterator that yields the events it waits for. The process is itself an event:
/// it succeeds with the value passed to <see cref="Return"/> when its body ends, and fails with
/// the exception its body throws, so other processes can wait for it.
/// <para>
/// When the event a process waits for fails, or when it is interrupted, the process resumes with a
/// fault. It must acknowledge it with <see cref="HandleFault"/> during that resumption (before its
/// next <c>yield</c> or its end); a process that does not fails with a
/// <see cref="SimulationException"/> naming itself and the fault, so a fault is never ignored by
/// accident.
/// </para>
/// </summary>
public sealed class Process : Event
{
    private readonly IEnumerator<Event> _body;
    private object? _returnValue;
    private bool _faultHandled;

    internal Process(Simulation simulation, IEnumerable<Event> body, string? name)
        : base(simulation)
    {
        ArgumentNullException.ThrowIfNull(body);
        _body = body.GetEnumerator();
        ResumeCallback = Resume;
        Name = name ?? "process";
        var start = new Event(simulation);
        start.AddWaiter(this);
        start.Succeed(null, Priority.Urgent);
        Target = start;
    }

    /// <summary>The process's resume step as a callback, for events with several callbacks.</summary>
    internal Action<Event> ResumeCallback { get; }

    /// <summary>Name used in messages.</summary>
    public string Name { get; }

    /// <summary>True until the body has ended (returned, thrown or failed on a fault).</summary>
    public bool IsAlive => !IsTriggered;

    /// <summary>The event the process waits for, or null while it runs or after it ended.</summary>
    public Event? Target { get; private set; }

    /// <summary>
    /// The fault of the current resumption: the exception of the failed event it waited for, or an
    /// <see cref="InterruptException"/>. Null when the process resumed normally.
    /// </summary>
    public Exception? Fault { get; private set; }

    /// <summary>
    /// Acknowledges the fault of the current resumption; true when there was one (read
    /// <see cref="Fault"/>), false when the process resumed normally.
    /// </summary>
    public bool HandleFault()
    {
        if (Fault is null)
        {
            return false;
        }

        _faultHandled = true;
        return true;
    }

    /// <summary>Sets the value the process event succeeds with when the body ends.</summary>
    public void Return(object? value)
    {
        if (!ReferenceEquals(Simulation.ActiveProcess, this))
        {
            throw new InvalidOperationException($"{Name}: Return may only be called by the process's own body");
        }

        _returnValue = value;
    }

    /// <summary>
    /// Interrupts the process while it waits: it stops waiting for its target and resumes now
    /// with an <see cref="InterruptException"/> carrying <paramref name="cause"/>.
    /// </summary>
    public void Interrupt(object? cause = null)
    {
        if (!IsAlive)
        {
            throw new InvalidOperationException($"{Name} has ended and cannot be interrupted (cause: {cause ?? "none"})");
        }

        if (ReferenceEquals(Simulation.ActiveProcess, this))
        {
            throw new InvalidOperationException($"{Name} cannot interrupt itself");
        }

        var interruption = new Event(Simulation);
        interruption.AddCallback(_ => Interrupted(cause));
        interruption.Succeed(null, Priority.Urgent);
    }

    private void Interrupted(object? cause)
    {
        if (!IsAlive)
        {
            return;
        }

        Target?.RemoveWaiter(this);
        Step(new InterruptException(cause));
    }

    internal void Resume(Event ev)
    {
        Exception? fault = null;
        if (!ev.IsOk)
        {
            ev.Defused = true;
            fault = ev.Exception;
        }

        Step(fault);
    }

    private void Step(Exception? fault)
    {
        var sim = Simulation;
        Target = null;
        while (true)
        {
            Fault = fault;
            _faultHandled = false;
            bool more;
            sim.ActiveProcess = this;
            try
            {
                more = _body.MoveNext();
            }
            catch (Exception ex)
            {
                sim.ActiveProcess = null;
                End(ok: false, new SimulationException($"{Name} failed at t={sim.Now}: {ex.Message}", ex));
                return;
            }

            sim.ActiveProcess = null;
            if (fault is not null && !_faultHandled)
            {
                End(ok: false, new SimulationException($"{Name} was resumed at t={sim.Now} by a fault it did not handle (call HandleFault()): {fault.Message}", fault));
                return;
            }

            if (!more)
            {
                End(ok: true, null);
                return;
            }

            var next = _body.Current;
            if (next is null)
            {
                End(ok: false, new InvalidOperationException($"{Name} yielded null at t={sim.Now}; a process yields events"));
                return;
            }

            if (next.Simulation != sim)
            {
                End(ok: false, new InvalidOperationException($"{Name} yielded {next}, an event of another simulation"));
                return;
            }

            if (next.IsProcessed)
            {
                fault = next.IsOk ? null : next.Exception;
                continue;
            }

            Target = next;
            next.AddWaiter(this);
            return;
        }
    }

    private void End(bool ok, Exception? error)
    {
        _body.Dispose();
        if (ok)
        {
            Succeed(_returnValue);
        }
        else
        {
            Fail(error!);
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"Process({Name})";
}
