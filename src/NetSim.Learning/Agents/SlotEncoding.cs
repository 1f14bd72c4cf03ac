using NetSim.Network.Scheduling;

namespace NetSim.Learning.Agents;

/// <summary>
/// The <c>actor-critic</c> agent's encoding (Zhou et al.: the scheduler sees the slot's task
/// requests and the network's resources: channel, computing capacity, paths between UEs and base
/// stations). The policy factorises over the slot's tasks, decided in task order. A task is
/// described by one row of features per candidate target (local, each base station's edge server,
/// the cloud), and the policy scores every candidate with the same network, so what it learns about
/// one station holds for all of them, whatever their number. Every row counts the load of the
/// slot's earlier decisions (<see cref="EpochLoad"/>), so that the tasks of one slot do not all
/// count on the same idle band and server. Times are ln(1 + t / time_scale), clipped at 10.
/// <para>Features of one candidate row (<see cref="Width"/> of them):</para>
/// <list type="bullet">
/// <item>0-2: the candidate's kind, one-hot: local, edge, cloud;</item>
/// <item>3: the task's latency bound T^u (0 when it has none); 4: the slot's tasks still to be
/// decided after this one, as ln(1 + k) (they will add load the rows cannot show);</item>
/// <item>5: the upload time at the rate the task would get now, with the slot's earlier uploads to
/// the same station sharing its band and those to the other stations interfering
/// (<see cref="Observation.UplinkRateIfStarted(int, int, double, double)"/>); the cloud's goes
/// through the UE's best station; 0 for local;</item>
/// <item>6: the uploads sharing that band (in progress and planned, capped at 10, over 10); 0 for local;</item>
/// <item>7: the wait for what the task needs besides its input: edge, the model's download over the
/// backhaul when the edge holds it neither ready nor in flight (0 when held); cloud, the task's bits
/// over the backhaul and its delay; 0 for local;</item>
/// <item>8: when the candidate's processor is free (its backlog plus the slot's earlier work sent to it);</item>
/// <item>9: the task's compute time there.</item>
/// </list>
/// A task's encoded state is its <see cref="Actions"/> rows, local first, then edges 0..M-1, then
/// the cloud. Action (one integer per task): 0 local, 1..M edge m-1, M+1 the cloud (with a cloud).
/// </summary>
internal sealed class SlotEncoding
{
    /// <summary>Features per candidate row.</summary>
    public const int Width = 10;

    public SlotEncoding(int edges, bool cloud, double timeScale)
    {
        Edges = edges;
        Cloud = cloud;
        TimeScale = timeScale;
        Actions = 1 + edges + (cloud ? 1 : 0);
        Size = Actions * Width;
    }

    public int Edges { get; }

    public bool Cloud { get; }

    public double TimeScale { get; }

    /// <summary>Floats of one task's state (its candidate rows).</summary>
    public int Size { get; }

    /// <summary>Choices per task.</summary>
    public int Actions { get; }

    public string Describe() =>
        $"slot-task candidates v2: rows={Actions} [local, edge 0..{Edges - 1}{(Cloud ? ", cloud" : string.Empty)}] x features={Width} [kind local/edge/cloud, bound, tasks left in slot, upload with the slot's uploads, sharers, model or backhaul wait, free, compute]; actions={Actions}";

    /// <summary>Writes the candidate rows of <paramref name="task"/>, with <paramref name="left"/> tasks of the slot after it, into <paramref name="state"/>; <paramref name="load"/> holds the slot's earlier decisions.</summary>
    public void Encode(Observation o, in TaskView task, int left, EpochLoad load, Span<float> state)
    {
        var s = TimeScale;
        var bound = task.Deadline - task.Created;
        var boundFeature = double.IsPositiveInfinity(bound) ? 0 : Features.Time(bound, s);
        var leftFeature = (float)Math.Log(1 + left);
        for (var a = 0; a < Actions; a++)
        {
            var row = state.Slice(a * Width, Width);
            row.Clear();
            row[3] = boundFeature;
            row[4] = leftFeature;
        }

        var ue = task.Ue;
        var local = state[..Width];
        local[0] = 1;
        local[8] = Features.Time((o.UeBacklogOps(ue) + load.UeOps(ue)) / o.UeRate(ue), s);
        local[9] = Features.Time(o.DeviceWork(task) / o.UeRate(ue), s);
        for (var m = 0; m < Edges; m++)
        {
            var row = state.Slice((1 + m) * Width, Width);
            row[1] = 1;
            row[5] = Features.Time(UploadTime(o, task, m, load), s);
            row[6] = Math.Min(10, o.ActiveUploads(m) + load.Uploads(m)) / 10f;
            var held = o.HasModel(m, task.Model) || o.IsDownloading(m, task.Model) || load.Downloads(m, task.Model);
            row[7] = held ? 0 : Features.Time((task.Model.SizeBits / o.BackhaulRate(m)) + o.BackhaulDelay(m), s);
            row[8] = Features.Time((o.EdgeBacklogOps(m) + load.EdgeOps(m)) / (o.EdgeRate(m) * o.EdgeCores(m)), s);
            row[9] = Features.Time(o.EdgeWork(task, m) / o.EdgeRate(m), s);
        }

        if (Cloud)
        {
            var row = state.Slice((1 + Edges) * Width, Width);
            row[2] = 1;
            var via = o.BestStation(ue);
            if (via >= 0)
            {
                row[5] = Features.Time(UploadTime(o, task, via, load), s);
                row[6] = Math.Min(10, o.ActiveUploads(via) + load.Uploads(via)) / 10f;
                row[7] = Features.Time((task.SizeBits / o.BackhaulRate(via)) + o.BackhaulDelay(via), s);
            }
            else
            {
                row[5] = Features.Clip;
            }

            row[8] = Features.Time((o.CloudBacklogOps + load.CloudOps) / (o.CloudRate * Math.Max(1, o.CloudCores)), s);
            row[9] = Features.Time(o.CloudWork(task) / o.CloudRate, s);
        }
    }

    /// <summary>The assignment of action <paramref name="action"/>.</summary>
    public Assignment ToAssignment(in TaskView task, int action) =>
        action == 0 ? Assignment.Local(task.Id)
        : action <= Edges ? Assignment.Edge(task.Id, action - 1)
        : Assignment.Cloud(task.Id);

    /// <summary>Counts the load of <paramref name="action"/> in <paramref name="load"/> for the slot's later tasks.</summary>
    public void Plan(Observation o, in TaskView task, int action, EpochLoad load)
    {
        if (action == 0)
        {
            load.AddLocal(task.Ue, o.DeviceWork(task));
        }
        else if (action <= Edges)
        {
            var edge = action - 1;
            load.AddUpload(o, task.Ue, edge);
            var missing = !o.HasModel(edge, task.Model) && !o.IsDownloading(edge, task.Model);
            load.AddEdge(edge, o.EdgeWork(task, edge), missing ? task.Model.SizeBits : 0, task.Model);
        }
        else if (o.BestStation(task.Ue) is var via and >= 0)
        {
            load.AddUpload(o, task.Ue, via);
            load.AddCloud(via, task.SizeBits, o.CloudWork(task));
        }
    }

    private static double UploadTime(Observation o, in TaskView task, int station, EpochLoad load)
    {
        var share = 1.0 / (o.ActiveUploads(station) + load.Uploads(station) + 1);
        var rate = o.UplinkRateIfStarted(task.Ue, station, share, load.Interference(station));
        return rate > 0 ? task.SizeBits / rate : double.PositiveInfinity;
    }
}
