using NetSim.Network.Radio;
using NetSim.Network.Recording;
using NetSim.Network.Scheduling;
using NetSim.Network.Tasks;

namespace NetSim.Network;

/// <summary>
/// Bounded uplink scheduling and admission control. A base station grants its uplink to at most
/// <c>max_grants</c> uploads at a time; an upload beyond them waits, first in first out, until a
/// grant ends, and that wait is the task's grant wait. Admission control refuses a task bound for
/// an edge server that holds too many tasks or too much work, or whose estimated finish there
/// misses its deadline, and a task whose UE is out of range of the station it would upload to; the
/// refused task takes the scenario's fallback.
/// </summary>
public sealed partial class World
{
    private readonly int _maxGrants;
    private readonly Admission _admission;
    private readonly int[] _granted;
    private readonly LinkedList<Upload>?[] _grantQueue;
    private readonly int[] _held;
    private readonly double[] _transitOps;

    /// <summary>Asks the upload's station for a grant: it sends at once while the station has one free, else waits its turn.</summary>
    private void RequestGrant(SimTask task, TaskRuntime rt, Upload upload)
    {
        rt.GrantRequested = Simulation.Now;
        var bs = upload.Bs;
        _uplinkMeters?[bs].Arrived(Simulation.Now);
        if (_granted[bs] < _maxGrants)
        {
            _granted[bs]++;
            Grant(task, rt, upload);
            return;
        }

        rt.GrantQueued = (_grantQueue[bs] ??= new LinkedList<Upload>()).AddLast(upload);
    }

    private void Grant(SimTask task, TaskRuntime rt, Upload upload)
    {
        rt.Granted = true;
        _uplinkMeters?[upload.Bs].Started(Simulation.Now, rt.GrantRequested);
        if (double.IsNaN(task.UploadStart))
        {
            task.UploadStart = Simulation.Now;
            task.GrantWait = Simulation.Now - rt.GrantRequested;
        }
        else
        {
            task.GrantWait += Simulation.Now - rt.GrantRequested;
        }

        Refresh(task.Ue);
        Channel.Start(upload);
    }

    /// <summary>A grant of station <paramref name="bs"/> ended: the upload that has waited longest takes it.</summary>
    private void ReleaseGrant(int bs)
    {
        if (_grantQueue[bs] is { First: { } first } queue)
        {
            queue.RemoveFirst();
            var upload = first.Value;
            var rt = _runtime[upload.Task.Id];
            rt.GrantQueued = null;
            Grant(upload.Task, rt, upload);
            return;
        }

        _granted[bs]--;
    }

    /// <summary>Takes an upload that is still waiting for a grant out of its station's queue; its grant wait is the wait until now.</summary>
    private void LeaveGrantQueue(SimTask task, TaskRuntime rt)
    {
        if (rt.GrantQueued is { } node)
        {
            _grantQueue[node.Value.Bs]!.Remove(node);
            _uplinkMeters?[node.Value.Bs].Left(Simulation.Now, inService: false);
            rt.GrantQueued = null;
            var wait = Simulation.Now - rt.GrantRequested;
            task.GrantWait = double.IsNaN(task.UploadStart) ? wait : task.GrantWait + wait;
        }
    }

    /// <summary>
    /// Admission control of a decided task with an offloaded part (its target, station and steps
    /// set): the reason it is refused, or <see cref="RejectReason.None"/>. When admitted to an edge
    /// server under a server limit, the task counts there until its compute ends.
    /// </summary>
    private RejectReason Admit(SimTask task, TaskRuntime rt)
    {
        if (!InRange(task.Ue, task.Via))
        {
            return RejectReason.Range;
        }

        if (task.Target != TargetKind.Edge || !_admission.LimitsServers)
        {
            return RejectReason.None;
        }

        var k = task.TargetIndex;
        var server = Edges[k].Server;
        if (_held[k] >= _admission.QueueTasks)
        {
            return RejectReason.Capacity;
        }

        var own = task.OffloadRatio * task.Model.Work(onDevice: false, task.SizeBits, task.Steps, server.Rate);
        var needsAhead = _admission.Deadline || !double.IsPositiveInfinity(_admission.QueueWorkOps);
        var ahead = needsAhead ? server.BacklogOps + _transitOps[k] : 0;
        if (ahead + own > _admission.QueueWorkOps)
        {
            return RejectReason.Capacity;
        }

        if (_admission.Deadline && (ahead / (server.Rate * server.Cores)) + (own / server.Rate) > task.Deadline - Simulation.Now)
        {
            return RejectReason.Deadline;
        }

        _held[k]++;
        _transitOps[k] += own;
        rt.HeldAt = k;
        rt.TransitOps = own;
        return RejectReason.None;
    }

    /// <summary>The task's work reached its edge server's queue: it no longer counts as work in transit.</summary>
    private void ArrivedAtServer(TaskRuntime rt)
    {
        if (rt.HeldAt >= 0)
        {
            _transitOps[rt.HeldAt] -= rt.TransitOps;
            rt.TransitOps = 0;
        }
    }

    /// <summary>The task's compute at its edge server ended (or the task left): the server holds one task fewer.</summary>
    private void LeaveServer(TaskRuntime rt)
    {
        if (rt.HeldAt < 0)
        {
            return;
        }

        var k = rt.HeldAt;
        _transitOps[k] -= rt.TransitOps;
        if (--_held[k] == 0)
        {
            _transitOps[k] = 0;
        }

        rt.HeldAt = -1;
        rt.TransitOps = 0;
    }

    private bool InRange(int ue, int bs) => Covers(bs, ue);

    /// <summary>Records the refusal and starts the fallback: the device, the cloud, or a drop.</summary>
    private void Refuse(SimTask task, RejectReason reason)
    {
        task.Rejected = reason;
        Rejected++;
        if (_admission.Fallback == FallbackKind.Drop)
        {
            task.PendingParts = 0;
            Drop(task);
            return;
        }

        var via = _admission.Fallback == FallbackKind.Cloud && Cloud is not null ? CloudStation(task, reason) : -1;
        var ue = Ues[task.Ue];
        if (via < 0)
        {
            task.Target = TargetKind.Local;
            task.TargetIndex = -1;
            task.Via = -1;
            task.OffloadRatio = 0;
            task.PendingParts = 1;
            StartLocal(task, ue, 1);
            return;
        }

        var ratio = task.OffloadRatio;
        task.Target = TargetKind.Cloud;
        task.TargetIndex = -1;
        task.Via = via;
        task.PendingParts = (ratio < 1 ? 1 : 0) + 1;
        if (ratio < 1)
        {
            StartLocal(task, ue, 1 - ratio);
        }

        StartUpload(task, ue, ratio);
    }

    /// <summary>The station a refused task reaches the cloud through: its own, or when that one is out of range the best station in range; -1 when none is.</summary>
    private int CloudStation(SimTask task, RejectReason reason)
    {
        if (reason != RejectReason.Range)
        {
            return task.Via;
        }

        // Every station within the coverage is among the UE's stations in range when the coverage
        // is no wider than that range, so only those need a look.
        var gains = Channel.Gains;
        var all = _admission.CoverageM > gains.RangeM;
        var stations = gains.Stations(task.Ue);
        var best = -1;
        var bestGain = double.NegativeInfinity;
        var count = all ? Edges.Length : stations.Length;
        for (var i = 0; i < count; i++)
        {
            var m = all ? i : stations[i];
            var gain = Channel.Gain(task.Ue, m);
            if (InRange(task.Ue, m) && gain > bestGain)
            {
                best = m;
                bestGain = gain;
            }
        }

        return best;
    }
}
