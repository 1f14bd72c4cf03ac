using NetSim.Network.Compute;
using NetSim.Network.Nodes;
using NetSim.Network.Radio;
using NetSim.Network.Recording;
using NetSim.Network.Scheduling;
using NetSim.Network.Tasks;

namespace NetSim.Network;

/// <summary>
/// How a decided task moves through the world. Energy is charged as it is spent: device, edge and
/// cloud compute (<c>kappa * f^2</c> per operation) as the work is done, transmission at the power
/// the upload radiated over the time it was sent, a model download as the backhaul sends it; a
/// task that is dropped or still alive at the end of the run carries what its work in progress
/// consumed until then, and work that never started costs nothing.
/// </summary>
public sealed partial class World
{
    /// <summary>Checks a policy's decision and starts the task on its way.</summary>
    internal void Apply(SimTask task, in Assignment a, string policy)
    {
        var ratio = a.Target == TargetKind.Local ? 0.0 : a.OffloadRatio;
        if (!(ratio >= 0 && ratio <= 1))
        {
            throw new PolicyException($"policy {policy}: task {task.Id}: offload ratio {a.OffloadRatio} is outside [0, 1]");
        }

        if (!Options.PartialOffloading && ratio is > 0 and < 1)
        {
            throw new PolicyException($"policy {policy}: task {task.Id}: offload ratio {ratio} needs offloading.partial: true");
        }

        if (a.Target == TargetKind.Edge && (a.Index < 0 || a.Index >= Edges.Length))
        {
            throw new PolicyException($"policy {policy}: task {task.Id}: edge {a.Index} does not exist (the scenario has {Edges.Length})");
        }

        if (a.Target == TargetKind.Cloud && Cloud is null)
        {
            throw new PolicyException($"policy {policy}: task {task.Id}: the scenario has no cloud");
        }

        if (a.Target == TargetKind.Cloud && a.Via >= Edges.Length)
        {
            throw new PolicyException($"policy {policy}: task {task.Id}: base station {a.Via} does not exist");
        }

        if (ratio > 0 && Edges.Length == 0)
        {
            throw new PolicyException($"policy {policy}: task {task.Id}: offloading needs a base station");
        }

        if (!double.IsNaN(a.BandwidthShare) && !(a.BandwidthShare > 0 && a.BandwidthShare <= 1))
        {
            throw new PolicyException($"policy {policy}: task {task.Id}: bandwidth share {a.BandwidthShare} is outside (0, 1]");
        }

        if (a.Steps is { } steps && steps < 1)
        {
            throw new PolicyException($"policy {policy}: task {task.Id}: {steps} diffusion steps (at least 1 expected)");
        }

        task.Decided = Simulation.Now;
        Refresh(task.Ue);
        task.Target = ratio == 0 ? TargetKind.Local : a.Target;
        task.OffloadRatio = ratio;
        task.BandwidthShare = a.BandwidthShare;
        task.AllowDownload = a.Download;
        if (a.Steps is { } s)
        {
            task.Steps = s;
        }

        task.TargetIndex = task.Target switch
        {
            TargetKind.Edge => a.Index,
            TargetKind.Cloud => -1,
            _ => -1,
        };
        task.Via = task.Target switch
        {
            TargetKind.Edge => a.Index,
            TargetKind.Cloud => a.Via >= 0 ? a.Via : Observation.BestStation(task.Ue),
            _ => -1,
        };

        if (ratio > 0 && _admission.Enabled && Admit(task, _runtime[task.Id]) is var reason and not RejectReason.None)
        {
            Refuse(task, reason);
            return;
        }

        var ue = Ues[task.Ue];
        task.PendingParts = (ratio < 1 ? 1 : 0) + (ratio > 0 ? 1 : 0);
        if (ratio < 1)
        {
            StartLocal(task, ue, 1 - ratio);
        }

        if (ratio > 0)
        {
            StartUpload(task, ue, ratio);
        }
    }

    private static readonly Action<Job> LocalStarted = static j =>
    {
        if (j.Task.OffloadRatio == 0)
        {
            j.Task.ServiceStart = j.Started;
        }
    };

    private static readonly Action<Job> RemoteStarted = static j => j.Task.ServiceStart = j.Started;

    private void StartLocal(SimTask task, UserEquipment ue, double fraction)
    {
        var rate = ue.Processor.Rate;
        var ops = fraction * task.Model.Work(onDevice: true, task.SizeBits, task.Steps, rate);
        task.WorkOps += ops;
        var job = new Job(task, ops, null, _localDone)
        {
            OnStart = LocalStarted,
            JoulesPerOp = ue.Kappa * rate * rate,
        };
        _runtime[task.Id].LocalJob = job;
        if (task.OffloadRatio == 0)
        {
            task.QueueEnter = Simulation.Now;
        }

        ue.Processor.Enqueue(job);
    }

    private void LocalDone(Job job)
    {
        var task = job.Task;
        _runtime[task.Id].LocalJob = null;
        task.EnergyJ += job.JoulesPerOp * job.Ops;
        if (task.OffloadRatio == 0)
        {
            task.ServiceEnd = Simulation.Now;
        }

        PartDone(task);
    }

    private void StartUpload(SimTask task, UserEquipment ue, double fraction)
    {
        var bits = fraction * task.SizeBits;
        var upload = new Upload(task, task.Ue, task.Via, bits, task.BandwidthShare, _uploaded);
        var rt = _runtime[task.Id];
        rt.Upload = upload;
        if (_paths is not null)
        {
            rt.HandoverMark = _handoversOf[task.Ue];
        }

        RequestGrant(task, rt, upload);
    }

    private void Uploaded(SimTask task, Upload upload)
    {
        var rt = _runtime[task.Id];
        rt.Upload = null;
        rt.Granted = false;
        _uplinkMeters?[upload.Bs].Departed(Simulation.Now, rt.GrantRequested);
        ReleaseGrant(upload.Bs);
        task.UploadEnd = Simulation.Now;
        task.EnergyJ += Channel.EnergyJ(upload);
        if (task.Target == TargetKind.Edge)
        {
            if (upload.Bs != task.TargetIndex)
            {
                Relay(task, rt, upload.Bs, upload.InputBits, AtEdge);
                return;
            }

            AtEdge(task);
        }
        else
        {
            var edge = Edges[task.Via];
            var job = new Job(task, upload.InputBits, null, _backhaulDone);
            rt.BackhaulJob = job;
            rt.BackhaulAt = task.Via;
            edge.Backhaul.Enqueue(job);
        }
    }

    /// <summary>The task's input is at its edge target: it waits there for its model.</summary>
    private void AtEdge(SimTask task)
    {
        var rt = _runtime[task.Id];
        var edge = Edges[task.TargetIndex];
        rt.ModelWaitStart = Simulation.Now;
        var ok = edge.Cache.Acquire(task, task.Model, task.AllowDownload, _modelReady, out var download);
        if (!ok)
        {
            Drop(task);
            return;
        }

        rt.PinnedIn = edge.Cache;
        rt.Download = download;
    }

    private void ModelReady(SimTask task, EdgeSite edge)
    {
        var rt = _runtime.GetValueOrDefault(task.Id);
        if (task.IsFinished || rt is null)
        {
            return;
        }

        task.ModelWait += Simulation.Now - rt.ModelWaitStart;
        rt.ModelWaitStart = double.NaN;
        var server = edge.Server;
        var ops = task.OffloadRatio * task.Model.Work(onDevice: false, task.SizeBits, task.Steps, server.Rate);
        task.WorkOps += ops;
        RunRemote(task, rt, server, ops, edge.Kappa, returnDelay: 0);
    }

    private void AtCloud(SimTask task)
    {
        var rt = _runtime.GetValueOrDefault(task.Id);
        if (task.IsFinished || rt is null)
        {
            return;
        }

        rt.BackhaulJob = null;
        var cloud = Cloud!;
        var server = cloud.Server;
        var ops = task.OffloadRatio * task.Model.Work(onDevice: false, task.SizeBits, task.Steps, server.Rate);
        task.WorkOps += ops;
        RunRemote(task, rt, server, ops, cloud.Kappa, returnDelay: Edges[task.Via].BackhaulDelay);
    }

    private void RunRemote(SimTask task, TaskRuntime rt, ComputeNode server, double ops, double kappa, double returnDelay)
    {
        ArrivedAtServer(rt);
        task.QueueEnter = Simulation.Now;
        var job = new Job(task, ops, task.Model, _remoteDone)
        {
            OnStart = RemoteStarted,
            ReturnDelay = returnDelay,
            JoulesPerOp = kappa * server.Rate * server.Rate,
        };
        rt.RemoteJob = job;
        server.Enqueue(job);
    }

    private void RemoteDone(Job job)
    {
        var task = job.Task;
        var returnDelay = job.ReturnDelay;
        task.EnergyJ += job.JoulesPerOp * job.Ops;
        task.ServiceEnd = Simulation.Now;
        var rt = _runtime[task.Id];
        rt.RemoteJob = null;
        LeaveServer(rt);
        rt.PinnedIn?.Release(task.Model);
        rt.PinnedIn = null;
        if (NeedsResultRelay(task, rt, out var from))
        {
            rt.ResultFrom = from;
            if (returnDelay > 0)
            {
                Simulation.After(returnDelay, _startResultRelay!, task);
            }
            else
            {
                StartResultRelay(task);
            }

            return;
        }

        var back = returnDelay + (Options.Downlink ? Options.ResultBits / Options.DownlinkRate : 0);
        if (back > 0)
        {
            Simulation.After(back, _returned, task);
        }
        else
        {
            PartDone(task);
        }
    }

    private void Returned(SimTask task)
    {
        if (!task.IsFinished)
        {
            PartDone(task);
        }
    }

    private void PartDone(SimTask task)
    {
        if (--task.PendingParts > 0)
        {
            return;
        }

        task.Completed = Simulation.Now;
        task.Outcome = TaskOutcome.Completed;
        if (task.Model.Kind == WorkKind.Diffusion)
        {
            task.QualityUtility = Options.Quality.Utility(task.Steps);
            task.QualityError = Options.Quality.Error(task.Steps);
        }

        CompletedCount++;
        Finish(task);
    }

    /// <summary>Takes a live task out of wherever it is and records it as dropped.</summary>
    internal void Drop(SimTask task)
    {
        var rt = _runtime[task.Id];
        ChargeInProgress(task, rt);
        LeaveGrantQueue(task, rt);
        if (rt.Upload is { } upload && rt.Granted)
        {
            rt.Granted = false;
            Channel.Cancel(upload);
            _uplinkMeters?[upload.Bs].Left(Simulation.Now, inService: true);
            ReleaseGrant(upload.Bs);
        }

        LeaveServer(rt);

        if (rt.LocalJob is { } local)
        {
            Ues[task.Ue].Processor.Remove(local);
        }

        if (rt.RemoteJob is { } remote)
        {
            (task.Target == TargetKind.Cloud ? Cloud!.Server : Edges[task.TargetIndex].Server).Remove(remote);
        }

        if (rt.BackhaulJob is { } backhaul)
        {
            Edges[rt.BackhaulAt].Backhaul.Remove(backhaul);
        }

        if (!double.IsNaN(rt.ModelWaitStart))
        {
            task.ModelWait += Simulation.Now - rt.ModelWaitStart;
        }

        rt.PinnedIn?.Release(task.Model);
        task.Outcome = TaskOutcome.Dropped;
        Dropped++;
        Finish(task);
    }

    /// <summary>Charges a live task the energy its work in progress has consumed up to now.</summary>
    private void ChargeInProgress(SimTask task, TaskRuntime rt)
    {
        if (rt.Upload is { } upload && rt.Granted)
        {
            task.EnergyJ += Channel.EnergyJ(upload);
        }

        foreach (var job in (ReadOnlySpan<Job?>)[rt.LocalJob, rt.RemoteJob, rt.Download])
        {
            if (job?.Node is { } node)
            {
                task.EnergyJ += job.JoulesPerOp * node.DoneOps(job);
            }
        }
    }

    private void Finish(SimTask task)
    {
        _live.Remove(task.Id);
        _runtime.Remove(task.Id);
        _recorder.OnTask(ToRecord(task, Simulation.Now));
        TaskFinished?.Invoke(task);
    }
}
