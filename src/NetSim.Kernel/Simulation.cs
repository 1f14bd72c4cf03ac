using NetSim.Kernel.Events;
using Timeout = NetSim.Kernel.Events.Timeout;
using NetSim.Kernel.Randomness;

namespace NetSim.Kernel;

/// <summary>
/// A discrete-event simulation: the clock, the future-event list and the random streams of one
/// run. Events are processed in order of (time, priority, insertion sequence), so equal-time events
/// run in the same order on every run. A simulation holds all its state; two of them never share
/// anything and may run side by side, on one thread or several.
/// <para>
/// Two rules keep a run from going wrong silently. A failure is never dropped: a failed event
/// that no waiting process took over (which must then call <see cref="Events.Process.HandleFault"/>)
/// and no callback marked <see cref="Event.Defused"/> stops the run with a
/// <see cref="SimulationException"/> naming the event, the time and the exception. And a run
/// cannot spin in place: when more than <see cref="StallLimit"/> events in a row are processed at
/// one instant, the clock is taken to be stuck (a model rescheduling itself at the same time
/// forever) and the run stops with a <see cref="SimulationException"/> naming the time and the
/// kinds of event most frequent among the last of them. The check costs one comparison per event.
/// </para>
/// </summary>
public sealed class Simulation
{
    private const int SequenceBits = 47;
    private const int StallSample = 1000;

    /// <summary>
    /// How many events <see cref="Run(double, CancellationToken)"/> processes between two looks at
    /// its token: few enough that even at a millisecond per event a cancellation acts within a
    /// tenth of a second of wall time, while the look (one field read) stays free beside an event.
    /// </summary>
    public const int CancelCheckEvents = 64;
    private readonly EventQueue _queue = new();
    private readonly Dictionary<string, int> _stallKinds = new();
    private long _sequence;
    private bool _running;
    private long _stallLimit = 10_000_000;
    private long _stallWatchAfter = 10_000_000 - StallSample + 1;
    private long _eventsAtNow;

    /// <summary>Creates a simulation at time 0 whose random streams derive from <paramref name="seed"/>.</summary>
    public Simulation(ulong seed = 0)
    {
        Streams = new RandomStreams(seed);
    }

    /// <summary>Current simulated time, seconds.</summary>
    public double Now { get; private set; }

    /// <summary>Events processed so far.</summary>
    public long ProcessedEvents { get; private set; }

    /// <summary>Events waiting in the queue.</summary>
    public int QueuedEvents => _queue.Count;

    /// <summary>
    /// The most events processed in a row at one instant before the run is taken to be stuck and
    /// stops with a <see cref="SimulationException"/>; ten million by default.
    /// </summary>
    public long StallLimit
    {
        get => _stallLimit;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            _stallLimit = value;
            _stallWatchAfter = value - Math.Min(value, StallSample) + 1;
        }
    }

    /// <summary>Named, independent random streams derived from the root seed.</summary>
    public RandomStreams Streams { get; }

    /// <summary>The process whose body is running, or null between process steps.</summary>
    public Process? ActiveProcess { get; internal set; }

    /// <summary>A new pending event; something must trigger it.</summary>
    public Event Event() => new(this);

    /// <summary>An event that succeeds with <paramref name="value"/> after <paramref name="delay"/> seconds.</summary>
    public Timeout Timeout(double delay, object? value = null, int priority = Priority.Normal) => new(this, delay, value, priority);

    /// <summary>Starts a process running <paramref name="body"/> now.</summary>
    public Process Process(IEnumerable<Event> body, string? name = null) => new(this, body, name);

    /// <summary>An event that succeeds once every one of <paramref name="events"/> has, or fails with the first failure.</summary>
    public Condition AllOf(params Event[] events) => new(this, events, all: true);

    /// <summary>An event that succeeds once any of <paramref name="events"/> has, or fails with the first failure.</summary>
    public Condition AnyOf(params Event[] events) => new(this, events, all: false);

    /// <summary>Calls <paramref name="action"/> after <paramref name="delay"/> seconds, without a process.</summary>
    public void After(double delay, Action action, int priority = Priority.Normal)
    {
        ArgumentNullException.ThrowIfNull(action);
        _ = new Callback(this, delay, action, priority);
    }

    /// <summary>
    /// Calls <paramref name="action"/> with <paramref name="state"/> after <paramref name="delay"/>
    /// seconds, without a process. With a static (cached) delegate this allocates only the event,
    /// which is what models on hot paths should use.
    /// </summary>
    public void After(double delay, Action<object?> action, object? state, int priority = Priority.Normal)
    {
        ArgumentNullException.ThrowIfNull(action);
        _ = new Callback(this, delay, action, state, priority);
    }

    /// <summary>Time of the next event, or +infinity when none is queued.</summary>
    public double Peek() => _queue.PeekTime;

    /// <summary>Processes the next event; false when the queue is empty.</summary>
    public bool Step()
    {
        EnterRun();
        try
        {
            return StepCore();
        }
        finally
        {
            _running = false;
        }
    }

    /// <summary>Runs until no event is left.</summary>
    public void Run()
    {
        EnterRun();
        try
        {
            while (StepCore())
            {
            }
        }
        finally
        {
            _running = false;
        }
    }

    /// <summary>
    /// Runs every event strictly before <paramref name="until"/>, then sets the clock to it.
    /// </summary>
    public void Run(double until)
    {
        if (double.IsNaN(until) || until < Now)
        {
            throw new ArgumentOutOfRangeException(nameof(until), until, $"run until {until}: the time must not be NaN or before now ({Now})");
        }

        EnterRun();
        try
        {
            while (_queue.Count > 0 && _queue.PeekTime < until)
            {
                StepCore();
            }

            if (until != Now)
            {
                Now = until;
                _eventsAtNow = 0;
            }
        }
        finally
        {
            _running = false;
        }
    }

    /// <summary>
    /// As <see cref="Run(double)"/>, but stops early when <paramref name="cancel"/> is cancelled,
    /// checked every <see cref="CancelCheckEvents"/> events (a read of one field), so a run whose
    /// simulated time crawls (millions of events per simulated second) or whose events are costly
    /// (a world of thousands of cells) still stops within moments of wall time. Returns false when
    /// it stopped early; the clock then stays at the last event run.
    /// </summary>
    public bool Run(double until, CancellationToken cancel)
    {
        if (double.IsNaN(until) || until < Now)
        {
            throw new ArgumentOutOfRangeException(nameof(until), until, $"run until {until}: the time must not be NaN or before now ({Now})");
        }

        EnterRun();
        try
        {
            var sinceCheck = 0;
            while (_queue.Count > 0 && _queue.PeekTime < until)
            {
                if (++sinceCheck == CancelCheckEvents)
                {
                    sinceCheck = 0;
                    if (cancel.IsCancellationRequested)
                    {
                        return false;
                    }
                }

                StepCore();
            }

            if (until != Now)
            {
                Now = until;
                _eventsAtNow = 0;
            }

            return true;
        }
        finally
        {
            _running = false;
        }
    }

    /// <summary>Runs until <paramref name="until"/> has been processed; returns its value or throws its failure.</summary>
    public object? Run(Event until)
    {
        ArgumentNullException.ThrowIfNull(until);
        if (until.Simulation != this)
        {
            throw new ArgumentException($"{until} belongs to another simulation", nameof(until));
        }

        EnterRun();
        try
        {
            while (!until.IsProcessed)
            {
                if (!StepCore())
                {
                    throw new InvalidOperationException($"no event left at t={Now}, but {until} has not been processed");
                }
            }
        }
        finally
        {
            _running = false;
        }

        if (!until.IsOk)
        {
            until.Defused = true;
            throw new SimulationException($"{until} failed: {until.Exception!.Message}", until.Exception);
        }

        return until.Value;
    }

    /// <summary>Queues a triggered event <paramref name="delay"/> seconds from now.</summary>
    internal void Enqueue(Event ev, double delay, int priority)
    {
        if (!(delay >= 0) || double.IsPositiveInfinity(delay) || priority is < Priority.Urgent or > Priority.Lowest)
        {
            ThrowBadSchedule(delay, priority);
        }

        ev.State = EventState.Triggered;
        var key = ((long)(priority - Priority.Urgent) << SequenceBits) | _sequence++;
        _queue.Push(Now + delay, key, ev);
    }

    /// <summary>
    /// Queues a triggered event at the absolute time <paramref name="time"/>, which the clock then
    /// shows exactly (a delay added to the clock can round to a neighbouring time).
    /// </summary>
    internal void EnqueueAt(Event ev, double time, int priority)
    {
        if (!(time >= Now) || double.IsPositiveInfinity(time))
        {
            throw new ArgumentOutOfRangeException(nameof(time), time, $"time {time}: an event must be queued at a finite time not before now ({Now})");
        }

        ev.State = EventState.Triggered;
        var key = ((long)(priority - Priority.Urgent) << SequenceBits) | _sequence++;
        _queue.Push(time, key, ev);
    }

    private static void ThrowBadSchedule(double delay, int priority)
    {
        if (priority is < Priority.Urgent or > Priority.Lowest)
        {
            throw new ArgumentOutOfRangeException(nameof(priority), priority, $"priority {priority} is outside [{Priority.Urgent}, {Priority.Lowest}]");
        }

        throw new ArgumentOutOfRangeException(nameof(delay), delay, $"delay {delay}: a delay must be a finite number >= 0");
    }

    private bool StepCore()
    {
        if (_queue.Count == 0)
        {
            return false;
        }

        var entry = _queue.Pop();
        if (entry.Time != Now)
        {
            Now = entry.Time;
            _eventsAtNow = 1;
        }
        else if (++_eventsAtNow > _stallWatchAfter)
        {
            WatchStall(entry.Event);
        }

        ProcessedEvents++;
        entry.Event.Process();
        return true;
    }

    /// <summary>
    /// Counts the kinds of the last events of a long instant and, before one more than
    /// <see cref="StallLimit"/> would be processed, stops the run naming the most frequent ones.
    /// </summary>
    private void WatchStall(Event ev)
    {
        if (_eventsAtNow == _stallWatchAfter + 1)
        {
            _stallKinds.Clear();
        }

        var kind = ev.Describe();
        _stallKinds[kind] = _stallKinds.GetValueOrDefault(kind) + 1;
        if (_eventsAtNow <= _stallLimit)
        {
            return;
        }

        var sampled = _eventsAtNow - _stallWatchAfter;
        var frequent = string.Join("; ", _stallKinds
            .OrderByDescending(k => k.Value)
            .ThenBy(k => k.Key, StringComparer.Ordinal)
            .Take(3)
            .Select(k => $"{k.Key} ({k.Value} of the last {sampled})"));
        throw new SimulationException(
            $"simulated time is stuck at t={Now}: {_stallLimit} events in a row were processed there and more are due (Simulation.StallLimit); most frequent: {frequent}");
    }

    private void EnterRun()
    {
        if (_running)
        {
            throw new InvalidOperationException("the simulation is already running: Run and Step cannot be called from inside a process or callback");
        }

        _running = true;
    }
}
