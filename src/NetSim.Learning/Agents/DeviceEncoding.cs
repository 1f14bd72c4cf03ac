using NetSim.Network.Scheduling;

namespace NetSim.Learning.Agents;

/// <summary>
/// The per-device encoding of the DDPG agents (Wang, Li and Wang, section III-A: task type and
/// size, server capacities, model compatibility, where things are). Device m observes, with times
/// as ln(1 + t / time_scale) clipped at 10:
/// <list type="bullet">
/// <item>0: 1 if the device has a task this epoch (else the whole row is 0); 1: the task's bound T^u
/// (0 when none); 2: ln(1 + size / 1 Mbit); 3: its compute time on the device; 4: the device's backlog time;</item>
/// <item>per base station k, four: upload time at the rate it would get now, compute time on edge k,
/// edge k's backlog time, uploads in progress to k (capped at 10, over 10); and, model-aware only,
/// three more: edge k holds the task's model (<see cref="Observation.HasModel"/>), edge k is
/// downloading it, and the time to fetch it over k's backhaul (0 when held);</item>
/// <item>with a cloud, two: upload plus cloud compute time, and the cloud's backlog time.</item>
/// </list>
/// Actor output of device m, <see cref="ActionSize"/> numbers: one logit per target (local, edge
/// 0..K-1, cloud) and the ratio before a sigmoid. Its decision (<see cref="DeviceDecision"/>): the
/// target of the highest logit and the offload ratio sigmoid(x) (used only with partial offloading,
/// else 1); an edge without the task's model downloads it. A device with several tasks in one
/// epoch applies its decision to all of them; the observation describes the first.
/// Action as the critics see it (and the replay memory keeps it), <see cref="ActionSize"/> numbers:
/// the target one-hot and the offload ratio that ran (0 for local, 1 for an offload without partial
/// offloading). A device without a task this epoch acts with the null action, all zeros.
/// </summary>
internal sealed class DeviceEncoding
{
    private const int Base = 5;

    public DeviceEncoding(WorldShape shape, bool modelAware, double timeScale)
    {
        Shape = shape;
        ModelAware = modelAware;
        TimeScale = timeScale;
        PerEdge = modelAware ? 7 : 4;
        Targets = 1 + shape.Edges + (shape.Cloud ? 1 : 0);
        Size = Base + (shape.Edges * PerEdge) + (shape.Cloud ? 2 : 0);
        ActionSize = Targets + 1;
    }

    public WorldShape Shape { get; }

    public bool ModelAware { get; }

    public double TimeScale { get; }

    public int PerEdge { get; }

    public int Targets { get; }

    /// <summary>Observation size per device.</summary>
    public int Size { get; }

    /// <summary>Action size per device.</summary>
    public int ActionSize { get; }

    public string Describe() =>
        $"device rows v3 ({(ModelAware ? "model-aware" : "no model")}): devices={Shape.Ues} observation={Size} [has task, bound, size, device compute, device backlog, per station x{Shape.Edges}: upload, compute, backlog, uploads{(ModelAware ? ", has model, downloading, fetch time" : string.Empty)}{(Shape.Cloud ? "; cloud: upload+compute, backlog" : string.Empty)}]; action={ActionSize} [one-hot local, edge 0..{Shape.Edges - 1}{(Shape.Cloud ? ", cloud" : string.Empty)}; ratio run; zeros without a task; a missing model downloaded] partial={Shape.Partial}";

    /// <summary>Writes device <paramref name="ue"/>'s observation of <paramref name="task"/> (or zeros when null).</summary>
    public void Encode(Observation o, int ue, TaskView? task, Span<float> row)
    {
        row.Clear();
        if (task is not { } t)
        {
            return;
        }

        var s = TimeScale;
        row[0] = 1;
        var bound = t.Deadline - t.Created;
        row[1] = double.IsPositiveInfinity(bound) ? 0 : Features.Time(bound, s);
        row[2] = (float)Math.Log(1 + (t.SizeBits / 1e6));
        row[3] = Features.Time(o.DeviceWork(t) / o.UeRate(ue), s);
        row[4] = Features.Time(o.UeBacklogOps(ue) / o.UeRate(ue), s);
        for (var k = 0; k < Shape.Edges; k++)
        {
            var at = Base + (k * PerEdge);
            var rate = o.UplinkRateIfStarted(ue, k);
            row[at] = Features.Time(rate > 0 ? t.SizeBits / rate : double.PositiveInfinity, s);
            row[at + 1] = Features.Time(o.EdgeWork(t, k) / o.EdgeRate(k), s);
            row[at + 2] = Features.Time(o.EdgeBacklogOps(k) / (o.EdgeRate(k) * o.EdgeCores(k)), s);
            row[at + 3] = Math.Min(10, o.ActiveUploads(k)) / 10f;
            if (ModelAware)
            {
                var has = o.HasModel(k, t.Model);
                row[at + 4] = has ? 1 : 0;
                row[at + 5] = o.IsDownloading(k, t.Model) ? 1 : 0;
                row[at + 6] = has ? 0 : Features.Time((t.Model.SizeBits / o.BackhaulRate(k)) + o.BackhaulDelay(k), s);
            }
        }

        if (Shape.Cloud)
        {
            var at = Base + (Shape.Edges * PerEdge);
            var via = o.BestStation(ue);
            var rate = via >= 0 ? o.UplinkRateIfStarted(ue, via) : 0;
            var upload = rate > 0 ? t.SizeBits / rate : double.PositiveInfinity;
            row[at] = Features.Time(upload + (o.CloudWork(t) / o.CloudRate), s);
            row[at + 1] = Features.Time(o.CloudBacklogOps / (o.CloudRate * Math.Max(1, o.CloudCores)), s);
        }
    }

    /// <summary>The decision the actor output <paramref name="output"/> stands for (no exploration).</summary>
    public DeviceDecision Greedy(ReadOnlySpan<float> output)
    {
        var target = 0;
        for (var i = 1; i < Targets; i++)
        {
            if (output[i] > output[target])
            {
                target = i;
            }
        }

        return new DeviceDecision(target, Ratio(output[Targets]));
    }

    /// <summary>The offload ratio of the actor's ratio output <paramref name="x"/>: sigmoid(x) with partial offloading, else 1.</summary>
    public double Ratio(double x) => Shape.Partial ? 1 / (1 + Math.Exp(-x)) : 1.0;

    /// <summary>Writes <paramref name="decision"/> as the critics see it (see the class comment).</summary>
    public void WriteAction(DeviceDecision decision, Span<float> action)
    {
        action.Clear();
        action[decision.Target] = 1;
        if (decision.Target > 0)
        {
            action[Targets] = (float)Math.Clamp(decision.Ratio, 0, 1);
        }
    }

    /// <summary>The assignment of <paramref name="task"/> under <paramref name="decision"/>.</summary>
    public Assignment Decode(in TaskView task, DeviceDecision decision)
    {
        if (decision.Target == 0)
        {
            return Assignment.Local(task.Id);
        }

        var ratio = Math.Clamp(decision.Ratio, 0, 1);
        return decision.Target <= Shape.Edges
            ? new Assignment(task.Id, Network.Tasks.TargetKind.Edge, decision.Target - 1, ratio)
            : new Assignment(task.Id, Network.Tasks.TargetKind.Cloud, OffloadRatio: ratio);
    }
}
