using NetSim.Learning.Agents;
using NetSim.Network.Building;
using NetSim.Network.Scheduling;

namespace NetSim.Learning.Environment;

/// <summary>
/// The observation and action of an <see cref="OffloadingEnvironment"/> as flat arrays, for
/// clients outside .NET (<c>netsim serve</c>, the Python package). The observation is one row of
/// <see cref="RowSize"/> features per device, devices in index order, each the DDPG family's
/// model-aware device row (<see cref="DeviceEncoding"/>: has a task, bound, size, device compute and
/// backlog, per station upload, compute, backlog, uploads, has model, downloading, fetch time, and
/// with a cloud its upload plus compute and backlog), times as ln(1 + t / time_scale) clipped at 10;
/// a device without a task this epoch has a row of zeros. The action is one integer per device:
/// 0 local, 1..K edge k-1, K+1 the cloud (with a cloud); each of the epoch's tasks runs where its
/// device's integer says, whole (no partial ratio), an edge downloading a missing model. A device
/// with no task this epoch has its integer ignored.
/// </summary>
public sealed class FlatSpaces
{
    private readonly DeviceEncoding _encoding;
    private readonly float[] _row;

    /// <summary>The spaces of worlds of <paramref name="spec"/>'s shape, times scaled by <paramref name="timeScale"/> seconds.</summary>
    public FlatSpaces(WorldSpec spec, double timeScale)
        : this(WorldShape.Of(spec), timeScale)
    {
    }

    /// <summary>The spaces of worlds of <paramref name="shape"/>, times scaled by <paramref name="timeScale"/> seconds.</summary>
    public FlatSpaces(WorldShape shape, double timeScale)
    {
        _encoding = new DeviceEncoding(shape with { Partial = false }, modelAware: true, timeScale);
        _row = new float[_encoding.Size];
        Devices = shape.Ues;
        Edges = shape.Edges;
        Cloud = shape.Cloud;
    }

    /// <summary>Devices (UEs): rows of the observation, integers of the action.</summary>
    public int Devices { get; }

    /// <summary>Base stations with edge servers.</summary>
    public int Edges { get; }

    /// <summary>Whether the world has a cloud.</summary>
    public bool Cloud { get; }

    /// <summary>Features per device.</summary>
    public int RowSize => _encoding.Size;

    /// <summary>Numbers in one observation.</summary>
    public int ObservationSize => Devices * RowSize;

    /// <summary>Choices per device (the upper bound of each action integer, exclusive).</summary>
    public int Targets => _encoding.Targets;

    /// <summary>Largest feature value (times are clipped here; every feature is at least 0).</summary>
    public static double High => Features.Clip;

    /// <summary>The names of a device row's features, in order.</summary>
    public IReadOnlyList<string> FeatureNames()
    {
        var names = new List<string> { "has_task", "bound", "size", "device_compute", "device_backlog" };
        for (var k = 0; k < Edges; k++)
        {
            names.AddRange([$"edge{k}_upload", $"edge{k}_compute", $"edge{k}_backlog", $"edge{k}_uploads", $"edge{k}_has_model", $"edge{k}_downloading", $"edge{k}_fetch"]);
        }

        if (Cloud)
        {
            names.AddRange(["cloud_upload_compute", "cloud_backlog"]);
        }

        return names;
    }

    /// <summary>The names of the choices of a device's integer, in order.</summary>
    public IReadOnlyList<string> TargetNames() =>
        [.. new[] { "local" }.Concat(Enumerable.Range(0, Edges).Select(k => $"edge:{k}")).Concat(Cloud ? ["cloud"] : Array.Empty<string>())];

    /// <summary>Writes the observation of <paramref name="batch"/> at <paramref name="observation"/> into <paramref name="into"/> (<see cref="ObservationSize"/> numbers).</summary>
    public void Encode(Observation observation, IReadOnlyList<TaskView> batch, Span<double> into)
    {
        into.Clear();
        Span<bool> seen = Devices <= 1024 ? stackalloc bool[Devices] : new bool[Devices];
        foreach (var task in batch)
        {
            if (seen[task.Ue])
            {
                continue;
            }

            seen[task.Ue] = true;
            _encoding.Encode(observation, task.Ue, task, _row);
            var row = into.Slice(task.Ue * RowSize, RowSize);
            for (var i = 0; i < _row.Length; i++)
            {
                row[i] = _row[i];
            }
        }
    }

    /// <summary>
    /// The assignments of <paramref name="batch"/> under <paramref name="action"/> (one integer per
    /// device); null with <paramref name="error"/> naming the first integer out of range.
    /// </summary>
    public Assignment[]? Decode(IReadOnlyList<TaskView> batch, ReadOnlySpan<int> action, out string? error)
    {
        error = null;
        if (action.Length != Devices)
        {
            error = $"{action.Length} action integers, expected {Devices} (one per device)";
            return null;
        }

        for (var ue = 0; ue < Devices; ue++)
        {
            if (action[ue] < 0 || action[ue] >= Targets)
            {
                error = $"device {ue}: action {action[ue]} out of range 0..{Targets - 1} ({string.Join(", ", TargetNames())})";
                return null;
            }
        }

        var assignments = new Assignment[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var task = batch[i];
            assignments[i] = _encoding.Decode(task, new DeviceDecision(action[task.Ue], 1.0));
        }

        return assignments;
    }
}
