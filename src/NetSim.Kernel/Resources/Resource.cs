using NetSim.Kernel.Events;

namespace NetSim.Kernel.Resources;

/// <summary>
/// A resource of <see cref="Capacity"/> identical units, granted to requests in first-in
/// first-out order. Observers see every change of the waiting queue's length and of the units in use.
/// </summary>
public class Resource
{
    private readonly List<Request> _users = new();
    private readonly List<Request> _queue = new();
    private long _sequence;

    /// <summary>A resource of <paramref name="capacity"/> units.</summary>
    public Resource(Simulation simulation, int capacity = 1, string name = "resource")
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

    /// <summary>Units.</summary>
    public int Capacity { get; }

    /// <summary>Name used in messages and traces.</summary>
    public string Name { get; }

    /// <summary>Units in use.</summary>
    public int InUse => _users.Count;

    /// <summary>Requests waiting.</summary>
    public int QueueLength => _queue.Count;

    /// <summary>The granted requests, in grant order.</summary>
    public IReadOnlyList<Request> Users => _users;

    /// <summary>The waiting requests, in service order.</summary>
    public IReadOnlyList<Request> Queue => _queue;

    /// <summary>Raised with (time, waiting requests) after the queue's length changes.</summary>
    public event Action<double, int>? QueueLengthChanged;

    /// <summary>Raised with (time, units in use) after that number changes.</summary>
    public event Action<double, int>? BusyChanged;

    /// <summary>Asks for a unit; the returned event succeeds when it is granted.</summary>
    public Request Request() => File(0, false);

    /// <summary>Gives back a granted unit, or withdraws a waiting request.</summary>
    /// <exception cref="InvalidOperationException">The request was already released, or belongs to another resource.</exception>
    public void Release(Request request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Resource != this)
        {
            throw new InvalidOperationException($"{Name}: {request} belongs to {request.Resource.Name}");
        }

        if (request.IsReleased)
        {
            throw new InvalidOperationException($"{Name}: the request made at t={request.RequestedAt} was already released");
        }

        request.IsReleased = true;
        if (_users.Remove(request))
        {
            BusyChanged?.Invoke(Simulation.Now, _users.Count);
            GrantWaiting();
        }
        else if (_queue.Remove(request))
        {
            QueueLengthChanged?.Invoke(Simulation.Now, _queue.Count);
        }
    }

    /// <summary>Creates and files a request.</summary>
    private protected Request File(int priority, bool preempt)
    {
        var request = new Request(this, priority, preempt, _sequence++);
        if (_users.Count < Capacity)
        {
            Grant(request);
        }
        else if (!TryPreempt(request))
        {
            Enqueue(request);
        }

        return request;
    }

    /// <summary>Preemptive resources make room for <paramref name="request"/> here; true if granted.</summary>
    private protected virtual bool TryPreempt(Request request) => false;

    /// <summary>Takes a user's unit away (preemption); the caller interrupts its owner.</summary>
    private protected void Evict(Request user)
    {
        user.IsReleased = true;
        _users.Remove(user);
        BusyChanged?.Invoke(Simulation.Now, _users.Count);
    }

    /// <summary>Grants a unit to <paramref name="request"/>.</summary>
    private protected void Grant(Request request)
    {
        request.GrantedAt = Simulation.Now;
        _users.Add(request);
        BusyChanged?.Invoke(Simulation.Now, _users.Count);
        request.Succeed(this);
    }

    private void Enqueue(Request request)
    {
        // Ordered by (priority, sequence): FIFO when every priority is equal.
        var index = _queue.Count;
        while (index > 0 && Compare(_queue[index - 1], request) > 0)
        {
            index--;
        }

        _queue.Insert(index, request);
        QueueLengthChanged?.Invoke(Simulation.Now, _queue.Count);
    }

    private void GrantWaiting()
    {
        var changed = false;
        while (_queue.Count > 0 && _users.Count < Capacity)
        {
            var next = _queue[0];
            _queue.RemoveAt(0);
            changed = true;
            Grant(next);
        }

        if (changed)
        {
            QueueLengthChanged?.Invoke(Simulation.Now, _queue.Count);
        }
    }

    /// <summary>Service order: lower priority first, then earlier request.</summary>
    private protected static int Compare(Request a, Request b) =>
        a.Priority != b.Priority ? a.Priority.CompareTo(b.Priority) : a.Sequence.CompareTo(b.Sequence);
}
