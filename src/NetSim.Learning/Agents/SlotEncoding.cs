using NetSim.Network.Scheduling;

namespace NetSim.Learning.Agents;

/// <summary>
/// The <c>actor-critic</c> agent's encoding (Zhou et al.: the scheduler sees the slot's task
/// requests and the network's resources). The policy factorises over the slot's tasks, decided in
/// task order, each from a feature row; all times are ln(1 + t / time_scale), clipped at 10:
/// <list type="bullet">
/// <item>0: the task's latency bound T^u (0 when it has none);</item>
/// <item>1: its compute time on its device; 2: the device's backlog time;</item>
/// <item>per base station m (M of them), four: upload time at the rate it would get now (size over
/// <see cref="Observation.UplinkRateIfStarted(int, int, double)"/>), compute time on edge m, edge m's backlog time,
/// and the compute time of the slot's earlier tasks this slot already sent to m;</item>
/// <item>with a cloud, two: upload (via the best station) plus cloud compute time, and the cloud's backlog time.</item>
/// </list>
/// Action (one integer per task): 0 local, 1..M edge m-1, M+1 the cloud (with a cloud).
/// The state value V(s) of a slot is the mean of a value network over its tasks' rows.
/// </summary>
internal sealed class SlotEncoding
{
    public SlotEncoding(int edges, bool cloud, double timeScale)
    {
        Edges = edges;
        Cloud = cloud;
        TimeScale = timeScale;
        Size = 3 + (4 * edges) + (cloud ? 2 : 0);
        Actions = 1 + edges + (cloud ? 1 : 0);
    }

    public int Edges { get; }

    public bool Cloud { get; }

    public double TimeScale { get; }

    /// <summary>Features per task.</summary>
    public int Size { get; }

    /// <summary>Choices per task.</summary>
    public int Actions { get; }

    public string Describe() =>
        $"slot-task rows v1: features={Size} [bound, device compute, device backlog, per station x{Edges}: upload, compute, backlog, planned{(Cloud ? "; cloud: upload+compute, backlog" : string.Empty)}]; actions={Actions} [local, edge 0..{Edges - 1}{(Cloud ? ", cloud" : string.Empty)}]";

    /// <summary>Writes the features of <paramref name="task"/> into <paramref name="row"/>; <paramref name="planned"/> holds the compute seconds already sent to each edge this slot.</summary>
    public void Encode(Observation o, in TaskView task, double[] planned, Span<float> row)
    {
        var s = TimeScale;
        var bound = task.Deadline - task.Created;
        row[0] = double.IsPositiveInfinity(bound) ? 0 : Features.Time(bound, s);
        var ue = task.Ue;
        row[1] = Features.Time(o.DeviceWork(task) / o.UeRate(ue), s);
        row[2] = Features.Time(o.UeBacklogOps(ue) / o.UeRate(ue), s);
        for (var m = 0; m < Edges; m++)
        {
            var rate = o.UplinkRateIfStarted(ue, m);
            var compute = o.EdgeWork(task, m) / o.EdgeRate(m);
            row[3 + (4 * m)] = Features.Time(rate > 0 ? task.SizeBits / rate : double.PositiveInfinity, s);
            row[4 + (4 * m)] = Features.Time(compute, s);
            row[5 + (4 * m)] = Features.Time(o.EdgeBacklogOps(m) / (o.EdgeRate(m) * o.EdgeCores(m)), s);
            row[6 + (4 * m)] = Features.Time(planned[m], s);
        }

        if (Cloud)
        {
            var via = o.BestStation(ue);
            var rate = via >= 0 ? o.UplinkRateIfStarted(ue, via) : 0;
            var upload = rate > 0 ? task.SizeBits / rate : double.PositiveInfinity;
            row[3 + (4 * Edges)] = Features.Time(upload + (o.CloudWork(task) / o.CloudRate), s);
            row[4 + (4 * Edges)] = Features.Time(o.CloudBacklogOps / (o.CloudRate * Math.Max(1, o.CloudCores)), s);
        }
    }

    /// <summary>The assignment of action <paramref name="action"/>.</summary>
    public Assignment ToAssignment(in TaskView task, int action) =>
        action == 0 ? Assignment.Local(task.Id)
        : action <= Edges ? Assignment.Edge(task.Id, action - 1)
        : Assignment.Cloud(task.Id);

    /// <summary>Adds the task's compute time on the chosen edge to <paramref name="planned"/>.</summary>
    public void Plan(Observation o, in TaskView task, int action, double[] planned)
    {
        if (action >= 1 && action <= Edges)
        {
            planned[action - 1] += o.EdgeWork(task, action - 1) / o.EdgeRate(action - 1);
        }
    }
}
