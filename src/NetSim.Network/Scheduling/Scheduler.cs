using NetSim.Network.Tasks;

namespace NetSim.Network.Scheduling;

/// <summary>
/// The scheduler process: gathers the tasks of a decision epoch (one arrival, a slot, or the batch
/// at t = 0), hands them to the policy with the current <see cref="Observation"/>, checks the
/// returned assignments and applies them. A <see cref="DeferredPolicy"/> receives the batch instead
/// and the assignments are applied when it is resolved.
/// </summary>
internal sealed class Scheduler
{
    private readonly World _world;
    private readonly IPolicy _policy;
    private readonly List<SimTask> _pending = new();
    private readonly Action _decide;
    private bool _timerSet;

    public Scheduler(World world, IPolicy policy)
    {
        _world = world;
        _policy = policy;
        _decide = Decide;
    }

    /// <summary>Decision epochs so far.</summary>
    public long Epochs { get; private set; }

    /// <summary>A task was created: decide it now or at the end of its epoch.</summary>
    public void Submit(SimTask task)
    {
        _pending.Add(task);
        if (_world.Options.Epoch == EpochKind.Arrival)
        {
            Decide();
            return;
        }

        if (_timerSet)
        {
            return;
        }

        _timerSet = true;
        var now = _world.Simulation.Now;
        var delay = 0.0;
        if (_world.Options.Epoch == EpochKind.Slot)
        {
            var slot = _world.Options.Slot;
            var k = Math.Round(now / slot);
            var boundary = Math.Abs((k * slot) - now) <= 1e-9 * Math.Max(slot, now) ? now : Math.Ceiling(now / slot) * slot;
            delay = boundary - now;
        }

        // After every other event of that instant (priority 1 runs after the default 0), so that
        // tasks arriving exactly at the boundary join the epoch instead of starting another.
        _world.Simulation.After(delay, _decide, priority: 1);
    }

    private void Decide()
    {
        _timerSet = false;
        if (_pending.Count == 0)
        {
            return;
        }

        Epochs++;
        var batch = _pending.ToArray();
        _pending.Clear();
        var views = new TaskView[batch.Length];
        for (var i = 0; i < batch.Length; i++)
        {
            var t = batch[i];
            views[i] = new TaskView(t.Id, t.Ue, t.Type, t.Model, t.SizeBits, t.Created, t.Deadline, t.Steps);
        }

        if (_policy is DeferredPolicy deferred)
        {
            deferred.Hold(views, decisions => Apply(batch, decisions));
            return;
        }

        Apply(batch, _policy.Decide(_world.Observation, views));
    }

    private void Apply(SimTask[] batch, IReadOnlyList<Assignment> decisions)
    {
        if (decisions.Count != batch.Length)
        {
            throw new PolicyException($"policy {_policy.Name}: {decisions.Count} assignments for {batch.Length} tasks at t={_world.Simulation.Now}");
        }

        var assigned = new bool[batch.Length];
        foreach (var a in decisions)
        {
            var index = IndexOf(batch, a.TaskId);
            if (index < 0 || assigned[index])
            {
                throw new PolicyException($"policy {_policy.Name}: assignment for task {a.TaskId}, which is not in the batch or was assigned twice");
            }

            assigned[index] = true;
            var task = batch[index];
            if (task.IsFinished)
            {
                continue;
            }

            _world.Apply(task, a, _policy.Name);
        }
    }

    /// <summary>Position of task <paramref name="id"/> in the batch (ids ascend in creation order), or -1.</summary>
    private static int IndexOf(SimTask[] batch, long id)
    {
        int low = 0, high = batch.Length - 1;
        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            var value = batch[mid].Id;
            if (value == id)
            {
                return mid;
            }

            if (value < id)
            {
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        return -1;
    }
}
