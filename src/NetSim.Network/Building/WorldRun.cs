using NetSim.Network.Scheduling;
using NetSim.Network.Tasks;

namespace NetSim.Network.Building;

/// <summary>
/// One run of a built world: starts the task sources, advances simulated time in chunks (so that
/// the caller can show progress and stop on request), and closes the run.
/// </summary>
public sealed class WorldRun
{
    private readonly TaskSource[] _sources;

    internal WorldRun(WorldSpec spec, World world, TaskSource[] sources, IPolicy policy)
    {
        if (!(spec.Duration > 0) || !(spec.MaxTime >= spec.Duration))
        {
            throw new ArgumentException($"duration {spec.Duration} s and max_time {spec.MaxTime} s: the duration must be positive and no longer than max_time", nameof(spec));
        }

        Spec = spec;
        World = world;
        _sources = sources;
        Policy = policy;
    }

    /// <summary>What the world was built from.</summary>
    public WorldSpec Spec { get; }

    /// <summary>The world.</summary>
    public World World { get; }

    /// <summary>The policy deciding this run.</summary>
    public IPolicy Policy { get; }

    /// <summary>When the run stops at the latest: the hard stop when draining, else the end of arrivals.</summary>
    public double End => Spec.Drain ? Spec.MaxTime : Math.Min(Spec.Duration, Spec.MaxTime);

    /// <summary>True once the task sources have started.</summary>
    public bool Started { get; private set; }

    /// <summary>
    /// Starts the task sources (what <see cref="Run"/> does first), for callers that advance the
    /// simulation themselves; does nothing the second time.
    /// </summary>
    public void Start()
    {
        if (Started)
        {
            return;
        }

        Started = true;
        if (Spec.Options.Epoch == EpochKind.Batch)
        {
            foreach (var source in _sources)
            {
                source.CreateOne();
            }
        }
        else
        {
            foreach (var source in _sources)
            {
                source.Start();
            }
        }
    }

    /// <summary>
    /// Runs to the end: arrivals until the duration, then (when draining) until every task has
    /// ended or the hard stop. Calls <paramref name="progress"/> after each chunk with the simulated
    /// time; returns false if <paramref name="cancel"/> stopped it early (checked every
    /// <see cref="Kernel.Simulation.CancelCheckEvents"/> events, not at the ends of chunks, so
    /// within moments of wall time however slowly simulated time advances). Tasks still alive at
    /// the end are recorded as unfinished.
    /// </summary>
    public bool Run(Action<double>? progress = null, CancellationToken cancel = default)
    {
        var sim = World.Simulation;
        Start();
        var end = End;
        var chunk = Math.Max(Spec.Duration / 200, 1e-9);
        var completed = true;
        while (sim.Now < end)
        {
            if (cancel.IsCancellationRequested)
            {
                completed = false;
                break;
            }

            var next = Math.Min(end, sim.Now + chunk);
            if (sim.Now >= Spec.Duration && World.Alive == 0)
            {
                break;
            }

            if (!World.RunUntil(next, cancel))
            {
                completed = false;
                break;
            }

            progress?.Invoke(sim.Now);
        }

        World.FinishRun();
        return completed;
    }
}
