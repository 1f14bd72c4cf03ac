using NetSim.Network.Compute;
using NetSim.Network.Tasks;

namespace NetSim.Network;

/// <summary>
/// Relays between stations for moving UEs (docs/models.md, Mobility, Relays): an upload that ends at
/// a station other than its edge target, and a result whose UE was handed over since its upload
/// started, cross the backhaul of the station they are at (queued on the link, then its
/// propagation delay); the time they spend is the task's <c>relay</c>.
/// </summary>
public sealed partial class World
{
    /// <summary>Sends <paramref name="bits"/> of the task over station <paramref name="from"/>'s backhaul, then its propagation delay, then <paramref name="then"/>.</summary>
    private void Relay(SimTask task, TaskRuntime rt, int from, double bits, Action<SimTask> then)
    {
        rt.RelayStart = Simulation.Now;
        rt.RelayThen = then;
        rt.BackhaulAt = from;
        if (bits > 0)
        {
            var job = new Job(task, bits, null, _relayHop!);
            rt.BackhaulJob = job;
            Edges[from].Backhaul.Enqueue(job);
        }
        else
        {
            Simulation.After(Edges[from].BackhaulDelay, _relayArrived!, task);
        }
    }

    private void RelayHop(Job job)
    {
        var rt = _runtime[job.Task.Id];
        rt.BackhaulJob = null;
        Simulation.After(Edges[rt.BackhaulAt].BackhaulDelay, _relayArrived!, job.Task);
    }

    private void RelayArrived(SimTask task)
    {
        if (task.IsFinished || !_runtime.TryGetValue(task.Id, out var rt))
        {
            return;
        }

        task.Relay = (double.IsNaN(task.Relay) ? 0 : task.Relay) + (Simulation.Now - rt.RelayStart);
        var then = rt.RelayThen!;
        rt.RelayThen = null;
        then(task);
    }

    /// <summary>Whether the result of <paramref name="task"/> must be relayed to the UE's serving station, and from which station.</summary>
    private bool NeedsResultRelay(SimTask task, TaskRuntime rt, out int from)
    {
        from = task.Target == TargetKind.Edge ? task.TargetIndex : task.Via;
        if (_paths is null || task.OffloadRatio == 0)
        {
            return false;
        }

        var serving = _serving[task.Ue];
        return serving >= 0 && serving != from && _handoversOf[task.Ue] != rt.HandoverMark;
    }

    private void StartResultRelay(SimTask task)
    {
        if (task.IsFinished || !_runtime.TryGetValue(task.Id, out var rt))
        {
            return;
        }

        Relay(task, rt, rt.ResultFrom, Options.ResultBits, ResultRelayed);
    }

    private void ResultRelayed(SimTask task)
    {
        var downlink = Options.Downlink ? Options.ResultBits / Options.DownlinkRate : 0;
        if (downlink > 0)
        {
            Simulation.After(downlink, _returned, task);
        }
        else
        {
            PartDone(task);
        }
    }
}
