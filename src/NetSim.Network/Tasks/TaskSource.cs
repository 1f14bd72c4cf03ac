using NetSim.Kernel.Randomness;

namespace NetSim.Network.Tasks;

/// <summary>
/// The task generator of one UE. Gaps come from the UE's own stream <c>ue/N/arrivals</c> and task
/// attributes (type, size, deadline) from <c>ue/N/tasks</c>, so adding a UE changes nothing the
/// others draw. Arrivals stop at <see cref="Until"/>.
/// </summary>
internal sealed class TaskSource
{
    private readonly World _world;
    private readonly int _ue;
    private readonly ArrivalKind _kind;
    private readonly double _interval;
    private readonly Random _gaps;
    private readonly Random _attributes;
    private readonly IReadOnlyList<TaskTypeSpec> _types;
    private readonly double _totalWeight;
    private readonly IReadOnlyList<TraceArrival> _trace;
    private readonly TaskIds _ids;
    private readonly Action _arrive;
    private int _traceNext;

    /// <param name="world">The world the tasks enter.</param>
    /// <param name="ue">UE index.</param>
    /// <param name="kind">Arrival process.</param>
    /// <param name="interval">Slot length, mean gap (Poisson: 1 / rate; uniform: mean of the uniform gap).</param>
    /// <param name="until">End of arrivals, seconds.</param>
    /// <param name="streams">Random streams of the run.</param>
    /// <param name="types">The task mix.</param>
    /// <param name="trace">This UE's trace lines in time order (trace arrivals only).</param>
    /// <param name="ids">The run's task-id counter.</param>
    public TaskSource(World world, int ue, ArrivalKind kind, double interval, double until, RandomStreams streams, IReadOnlyList<TaskTypeSpec> types, IReadOnlyList<TraceArrival> trace, TaskIds ids)
    {
        _world = world;
        _ue = ue;
        _kind = kind;
        _interval = interval;
        Until = until;
        _gaps = streams.Get($"ue/{ue}/arrivals");
        _attributes = streams.Get($"ue/{ue}/tasks");
        _types = types;
        _totalWeight = types.Sum(t => t.Weight);
        _trace = trace;
        _ids = ids;
        _arrive = Arrive;
    }

    /// <summary>No task is created at or after this time.</summary>
    public double Until { get; }

    /// <summary>Schedules the first arrival.</summary>
    public void Start()
    {
        var first = _kind switch
        {
            ArrivalKind.Slot => 0.0,
            ArrivalKind.Trace => _trace.Count > 0 ? _trace[0].Time : double.PositiveInfinity,
            _ => Gap(),
        };
        ScheduleAt(first);
    }

    /// <summary>Creates one task now without scheduling another (batch epochs).</summary>
    public void CreateOne() => Create(-1, double.NaN);

    private void ScheduleAt(double time)
    {
        if (time >= Until || double.IsInfinity(time))
        {
            return;
        }

        _world.Simulation.After(time - _world.Simulation.Now, _arrive);
    }

    private void Arrive()
    {
        if (_kind == ArrivalKind.Trace)
        {
            var line = _trace[_traceNext++];
            Create(line.Type, line.SizeBits);
            ScheduleAt(_traceNext < _trace.Count ? _trace[_traceNext].Time : double.PositiveInfinity);
            return;
        }

        Create(-1, double.NaN);
        ScheduleAt(_kind == ArrivalKind.Slot ? _world.Simulation.Now + _interval : _world.Simulation.Now + Gap());
    }

    private double Gap() => _kind switch
    {
        ArrivalKind.Poisson => -_interval * Math.Log(1 - _gaps.NextDouble()),
        ArrivalKind.Uniform => 2 * _interval * _gaps.NextDouble(),
        _ => _interval,
    };

    private void Create(int typeIndex, double size)
    {
        var type = typeIndex >= 0 ? _types[typeIndex] : PickType();
        var bits = double.IsNaN(size) ? type.SizeBits(_attributes) : size;
        var relative = type.RelativeDeadline(_attributes);
        var now = _world.Simulation.Now;
        var task = new SimTask(_ids.Next(), _ue, type.Index, type.Model, bits, now, now + relative, type.Steps);
        _world.TaskCreated(task);
    }

    private TaskTypeSpec PickType()
    {
        if (_types.Count == 1)
        {
            return _types[0];
        }

        var u = _attributes.NextDouble() * _totalWeight;
        foreach (var t in _types)
        {
            u -= t.Weight;
            if (u < 0)
            {
                return t;
            }
        }

        return _types[^1];
    }
}
