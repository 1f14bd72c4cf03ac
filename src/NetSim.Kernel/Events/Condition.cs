namespace NetSim.Kernel.Events;

/// <summary>
/// Waits for several events: succeeds when all of them (AllOf) or any of them (AnyOf) have
/// succeeded, with the list of the events that had succeeded by then, in the order they were
/// processed; fails with the first failure among them (which it thereby handles). A member that
/// fails after the condition was decided is not handled by it and, unless something else handles
/// it, stops the run, as in SimPy.
/// </summary>
public sealed class Condition : Event
{
    private readonly int _total;
    private readonly bool _all;
    private readonly List<Event> _fired = new();

    internal Condition(Simulation simulation, Event[] events, bool all)
        : base(simulation)
    {
        ArgumentNullException.ThrowIfNull(events);
        _total = events.Length;
        _all = all;
        foreach (var ev in events)
        {
            if (ev.Simulation != simulation)
            {
                throw new ArgumentException($"{ev} belongs to another simulation", nameof(events));
            }
        }

        if (events.Length == 0)
        {
            Succeed(Array.Empty<Event>());
            return;
        }

        foreach (var ev in events)
        {
            if (ev.IsProcessed)
            {
                Check(ev);
            }
            else
            {
                ev.AddCallback(Check);
            }
        }
    }

    private void Check(Event ev)
    {
        if (IsTriggered)
        {
            return;
        }

        if (!ev.IsOk)
        {
            ev.Defused = true;
            Fail(ev.Exception!);
            return;
        }

        _fired.Add(ev);
        if (!_all || _fired.Count == _total)
        {
            Succeed(_fired.ToArray());
        }
    }

    /// <inheritdoc />
    public override string ToString() => _all ? $"AllOf({_total})" : $"AnyOf({_total})";
}
