using NetSim.Network.Scheduling;
using NetSim.Network.Tasks;

namespace NetSim.Policies;

/// <summary>
/// Completion-time estimates, in seconds from now, of the options of a task given the observed
/// world plus the load of the epoch's earlier decisions (<see cref="EpochLoad"/>). A queue of
/// <c>B</c> operations on <c>c</c> cores of rate <c>f</c> is taken to be free after <c>B / (c f)</c>
/// (exact for one FIFO core, an approximation for several cores or processor sharing).
/// <list type="bullet">
/// <item>Local share <c>q</c>: <c>(backlog + q W_dev) / f_ue</c>.</item>
/// <item>Edge m, ratio r: the upload of <c>r S</c> bits at the rate it would get now with the
/// epoch's earlier uploads to m sharing the band (<c>u</c>); the model ready at <c>u</c> when held,
/// when the backhaul has delivered its queue when being fetched, or after the backhaul queue, the
/// model's bits and the delay when missing (the download starts when the upload arrives, as in the
/// world); then the server free, the switch time (charged whenever the scenario has one, since the
/// observation does not say which model a core has loaded), and <c>r W_edge / f_edge</c>.</item>
/// <item>Cloud, ratio r: the upload to the UE's best station, the backhaul queue, <c>r S</c> bits
/// over the backhaul and its delay, the cloud free, <c>r W_cloud / f_cloud</c>, the delay back.</item>
/// </list>
/// The upload's rate counts the epoch's earlier new uploads twice: as more sharers of the band at
/// their station and as interference at the others. With a ratio below 1, the task ends when both
/// parts have. A downlink is not counted (the same for every remote option).
/// <para>
/// Moving UEs: where the UE's next handover is expected before an edge upload ends
/// (<see cref="Observation.ExpectedHandover"/>: the UE keeps its present velocity), the upload
/// stops then, waits the interruption and sends the bits it has left (all of them, with restart)
/// at the same rate to the new station, which relays the part's bits to the target over its own
/// backhaul (its rate and delay). The new station's rate is not known before the UE gets there:
/// at a cell edge the two stations' rates are close, which is where handovers happen. A result
/// relayed back after a handover is not counted (like the downlink it extends), nor is a handover
/// of a cloud upload.
/// </para>
/// </summary>
internal sealed class LatencyEstimator
{
    private readonly Observation _o;
    private readonly EpochLoad _load;

    public LatencyEstimator(Observation observation)
    {
        _o = observation;
        _load = new EpochLoad(observation.EdgeCount);
    }

    /// <summary>Finish time of the share <paramref name="fraction"/> of the task run on its device.</summary>
    public double Local(in TaskView task, double fraction)
    {
        var rate = _o.UeRate(task.Ue);
        return (_o.UeBacklogOps(task.Ue) + _load.UeOps(task.Ue) + (fraction * _o.DeviceWork(task))) / rate;
    }

    /// <summary>Finish time of the task with <paramref name="ratio"/> of it on edge <paramref name="edge"/>.</summary>
    public double Edge(in TaskView task, int edge, double ratio)
    {
        var upload = Upload(task, edge, ratio);
        var (handover, to) = _o.Mobile && ratio > 0 ? _o.ExpectedHandover(task.Ue, upload) : (double.PositiveInfinity, -1);
        if (handover < upload)
        {
            var (interruption, restart) = _o.HandoverCost;
            upload = handover + interruption + (restart ? upload : upload - handover);
            if (to != edge)
            {
                upload += (ratio * task.SizeBits / _o.BackhaulRate(to)) + _o.BackhaulDelay(to);
            }
        }

        double ready;
        if (_o.HasModel(edge, task.Model))
        {
            ready = upload;
        }
        else if (_o.IsDownloading(edge, task.Model) || _load.Downloads(edge, task.Model))
        {
            ready = Math.Max(upload, BackhaulFree(edge) + _o.BackhaulDelay(edge));
        }
        else
        {
            ready = Math.Max(upload, BackhaulFree(edge)) + (task.Model.SizeBits / _o.BackhaulRate(edge)) + _o.BackhaulDelay(edge);
        }

        var rate = _o.EdgeRate(edge);
        var free = (_o.EdgeBacklogOps(edge) + _load.EdgeOps(edge)) / (rate * _o.EdgeCores(edge));
        var done = Math.Max(ready, free) + _o.EdgeSwitchTime(edge) + (ratio * _o.EdgeWork(task, edge) / rate);
        return ratio < 1 ? Math.Max(done, Local(task, 1 - ratio)) : done;
    }

    /// <summary>Finish time of the task with <paramref name="ratio"/> of it in the cloud.</summary>
    public double Cloud(in TaskView task, double ratio)
    {
        var via = _o.BestStation(task.Ue);
        var upload = Upload(task, via, ratio);
        var delay = _o.BackhaulDelay(via);
        var atCloud = Math.Max(upload, BackhaulFree(via)) + (ratio * task.SizeBits / _o.BackhaulRate(via)) + delay;
        var rate = _o.CloudRate;
        var free = (_o.CloudBacklogOps + _load.CloudOps) / (rate * _o.CloudCores);
        var done = Math.Max(atCloud, free) + (ratio * _o.CloudWork(task) / rate) + delay;
        return ratio < 1 ? Math.Max(done, Local(task, 1 - ratio)) : done;
    }

    /// <summary>Counts the load of <paramref name="decision"/> for the epoch's later tasks.</summary>
    public void Commit(in TaskView task, in Assignment decision)
    {
        var ratio = decision.Target == TargetKind.Local ? 0 : decision.OffloadRatio;
        if (ratio < 1)
        {
            _load.AddLocal(task.Ue, (1 - ratio) * _o.DeviceWork(task));
        }

        if (decision.Target == TargetKind.Edge)
        {
            var edge = decision.Index;
            _load.AddUpload(_o, task.Ue, edge);
            var missing = !_o.HasModel(edge, task.Model) && !_o.IsDownloading(edge, task.Model);
            _load.AddEdge(edge, ratio * _o.EdgeWork(task, edge), missing ? task.Model.SizeBits : 0, task.Model);
        }
        else if (decision.Target == TargetKind.Cloud)
        {
            _load.AddUpload(_o, task.Ue, _o.BestStation(task.Ue));
            _load.AddCloud(_o.BestStation(task.Ue), ratio * task.SizeBits, ratio * _o.CloudWork(task));
        }
    }

    private double Upload(in TaskView task, int station, double ratio)
    {
        var share = 1.0 / (_o.ActiveUploads(station) + _load.Uploads(station) + 1);
        return ratio * task.SizeBits / _o.UplinkRateIfStarted(task.Ue, station, share, _load.Interference(station));
    }

    private double BackhaulFree(int edge) => (_o.BackhaulBacklogBits(edge) + _load.BackhaulBits(edge)) / _o.BackhaulRate(edge);
}
