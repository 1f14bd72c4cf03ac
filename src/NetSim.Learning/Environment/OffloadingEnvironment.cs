using NetSim.Network;
using NetSim.Network.Building;
using NetSim.Network.Recording;
using NetSim.Network.Scheduling;
using NetSim.Network.Tasks;

namespace NetSim.Learning.Environment;

/// <summary>
/// The simulated world as a reinforcement-learning environment in the manner of Gymnasium:
/// <see cref="Reset"/> builds a fresh world for a seed and runs it to its first decision epoch;
/// <see cref="Step"/> applies the assignments of the current epoch and runs to the next. One
/// decision epoch is one step. The world is driven through a <see cref="DeferredPolicy"/>, so the
/// run pauses at each epoch exactly where a policy would have been called, and nothing of the
/// future is visible. An epoch's reward is settled when the last of its tasks ends (completes or
/// is dropped), by <paramref name="reward"/>, and reported with the step during which that
/// happened; tasks alive when the episode ends settle as unfinished.
/// </summary>
/// <param name="spec">The world of an episode for a seed (the seed replaces the spec's).</param>
/// <param name="name">Name recorded as the policy of the episodes' tasks.</param>
/// <param name="reward">An epoch's reward from how its tasks ended.</param>
public sealed class OffloadingEnvironment(WorldSpec spec, string name, Func<IReadOnlyList<TaskResult>, double> reward)
{
    private readonly Dictionary<long, int> _epochOf = new();
    private readonly Dictionary<long, TaskResult> _early = new();
    private readonly List<EpochTally> _epochs = new();
    private readonly List<SettledEpoch> _settled = new();
    private WorldRun? _run;
    private DeferredPolicy? _policy;
    private bool _done;

    /// <summary>The world spec episodes are built from.</summary>
    public WorldSpec Spec { get; } = spec;

    /// <summary>The current episode's world (null before the first reset).</summary>
    public World? World => _run?.World;

    /// <summary>Steps taken in the current episode.</summary>
    public int Steps { get; private set; }

    /// <summary>Starts an episode on a world built for <paramref name="seed"/> and runs it to the first epoch.</summary>
    public StepResult Reset(ulong seed)
    {
        _epochOf.Clear();
        _early.Clear();
        _epochs.Clear();
        _done = false;
        Steps = 0;
        _policy = new DeferredPolicy(name);
        var policy = _policy;
        _run = WorldBuilder.Build(Spec with { Seed = seed }, _ => policy, NullRecorder.Instance);
        _run.World.TaskFinished += OnTaskFinished;
        _run.Start();
        return Advance();
    }

    /// <summary>Applies <paramref name="action"/> (one assignment per task of the epoch) and runs to the next epoch.</summary>
    public StepResult Step(IReadOnlyList<Assignment> action)
    {
        if (_run is null || _policy is null || _done)
        {
            throw new InvalidOperationException("no episode in progress: call Reset first");
        }

        _policy.Resolve(action);
        Steps++;
        return Advance();
    }

    private StepResult Advance()
    {
        var run = _run!;
        var world = run.World;
        var sim = world.Simulation;
        _settled.Clear();
        var terminated = false;
        var truncated = false;
        while (_policy!.Pending is null)
        {
            if (sim.Now >= run.Spec.Duration && world.Alive == 0)
            {
                terminated = true;
                break;
            }

            if (sim.Peek() >= run.End)
            {
                truncated = world.Alive > 0;
                terminated = !truncated;
                break;
            }

            sim.Step();
        }

        if (terminated || truncated)
        {
            EndEpisode(world);
            return Result(-1, null, [], terminated, truncated, world);
        }

        var batch = _policy.Pending!;
        var epoch = _epochs.Count;
        var tally = new EpochTally(epoch, batch.Count);
        _epochs.Add(tally);
        foreach (var task in batch)
        {
            if (_early.Remove(task.Id, out var result))
            {
                tally.Add(result);
            }
            else
            {
                _epochOf[task.Id] = epoch;
                tally.Open(task.Id, task.Ue, task.Created, task.Deadline - task.Created);
            }
        }

        Settle(tally);
        return Result(epoch, world.Observation, batch, false, false, world);
    }

    private StepResult Result(int epoch, Observation? observation, IReadOnlyList<TaskView> batch, bool terminated, bool truncated, World world)
    {
        var settled = _settled.ToArray();
        var sum = 0.0;
        foreach (var s in settled)
        {
            sum += s.Reward;
        }

        var info = new StepInfo(world.Simulation.Now, world.Simulation.ProcessedEvents, world.Created, world.CompletedCount, world.Dropped);
        return new StepResult(epoch, observation, batch, sum, settled, terminated, truncated, info);
    }

    private void OnTaskFinished(SimTask task)
    {
        var result = ResultOf(task, task.Outcome == TaskOutcome.Completed ? task.Completed : _run!.World.Simulation.Now);
        if (_epochOf.Remove(task.Id, out var epoch))
        {
            var tally = _epochs[epoch];
            tally.Add(result);
            Settle(tally);
        }
        else
        {
            _early[task.Id] = result;
        }
    }

    private void EndEpisode(World world)
    {
        _done = true;
        var now = world.Simulation.Now;
        foreach (var (taskId, epoch) in _epochOf.OrderBy(p => p.Key))
        {
            var tally = _epochs[epoch];
            tally.Add(tally.Unfinished(taskId, now));
        }

        _epochOf.Clear();
        foreach (var tally in _epochs)
        {
            Settle(tally);
        }

        world.TaskFinished -= OnTaskFinished;
        world.FinishRun();
    }

    private void Settle(EpochTally tally)
    {
        if (tally.IsComplete && !tally.Settled)
        {
            tally.Settled = true;
            var tasks = tally.Results.OrderBy(r => r.TaskId).ToArray();
            _settled.Add(new SettledEpoch(tally.Epoch, reward(tasks), tasks));
        }
    }

    private static TaskResult ResultOf(SimTask task, double end) =>
        new(task.Id, task.Ue, end - task.Created, task.Deadline - task.Created, task.EnergyJ, task.Outcome == TaskOutcome.Completed);
}
