using System.Diagnostics;
using NetSim.Cli.Running;
using NetSim.Network.Building;
using NetSim.Network.Recording;
using NetSim.Network.Scheduling;
using NetSim.Traces;
using TraceLevel = NetSim.Network.Recording.TraceLevel;

namespace NetSim.Cli.Sweeps;

/// <summary>
/// Runs a list of sweep runs on <c>jobs</c> worker threads and writes them through one writer (the
/// calling thread) in run order, under run ids that follow that order from the database's next id.
/// At most twice <c>jobs</c> runs are simulated or waiting for the writer at once, so memory stays
/// bounded. Rows depend only on each run's scenario, policy and seed: never on --jobs.
/// </summary>
internal sealed class SweepExecutor(IReadOnlyList<SweepRun> runs, TraceDatabase database, TraceLevel level, int jobs, PolicyRegistry registry)
{
    private readonly (FinishedRun Run, BufferedRecorder Rows)?[] _finished = new (FinishedRun, BufferedRecorder)?[runs.Count];
    private readonly object _gate = new();
    private int _started;
    private int _simulated;
    private bool _dispatchEnded;

    /// <summary>Runs everything (or up to <paramref name="cancel"/>); returns the runs written, in order.</summary>
    public IReadOnlyList<FinishedRun> Execute(Action<SweepProgress> progress, CancellationToken cancel)
    {
        var firstId = database.NextRunId();
        using var slots = new SemaphoreSlim(2 * jobs);
        using var cores = new SemaphoreSlim(jobs);
        var dispatcher = new Thread(() => Dispatch(slots, cores, cancel)) { IsBackground = true, Name = "sweep dispatcher" };
        dispatcher.Start();
        var written = new List<FinishedRun>();
        for (var i = 0; i < runs.Count; i++)
        {
            var finished = WaitFor(i, written.Count, progress);
            if (finished is null)
            {
                break;
            }

            Write(finished.Value.Run, finished.Value.Rows, firstId + i);
            written.Add(finished.Value.Run);
            slots.Release();
            progress(Snapshot(written.Count, finished.Value.Run));
        }

        dispatcher.Join();
        return written;
    }

    private (FinishedRun Run, BufferedRecorder Rows)? WaitFor(int index, int done, Action<SweepProgress> progress)
    {
        while (true)
        {
            lock (_gate)
            {
                if (_finished[index] is { } finished)
                {
                    _finished[index] = null;
                    return finished;
                }

                if (_dispatchEnded && index >= _started)
                {
                    return null;
                }

                if (Monitor.Wait(_gate, TimeSpan.FromMilliseconds(250)))
                {
                    continue;
                }
            }

            progress(Snapshot(done, null));
        }
    }

    private SweepProgress Snapshot(int done, FinishedRun? last)
    {
        var started = Volatile.Read(ref _started);
        var simulated = Volatile.Read(ref _simulated);
        return new SweepProgress(done, started - simulated, runs.Count - started, last);
    }

    private void Dispatch(SemaphoreSlim slots, SemaphoreSlim cores, CancellationToken cancel)
    {
        var workers = new List<Task>();
        try
        {
            for (var i = 0; i < runs.Count; i++)
            {
                var (slot, run) = (i, runs[i]);
                slots.Wait(cancel);
                cores.Wait(cancel);
                Interlocked.Increment(ref _started);
                workers.Add(Task.Run(() =>
                {
                    try
                    {
                        Complete(slot, Simulate(run, cancel));
                    }
                    finally
                    {
                        cores.Release();
                    }
                }));
            }
        }
        catch (OperationCanceledException)
        {
            // Ctrl-C: no new run starts; the running ones stop at their next chunk and are written as interrupted.
        }

        Task.WaitAll(workers);
        lock (_gate)
        {
            _dispatchEnded = true;
            Monitor.PulseAll(_gate);
        }
    }

    private void Complete(int index, (FinishedRun Run, BufferedRecorder Rows) finished)
    {
        lock (_gate)
        {
            _finished[index] = finished;
            Interlocked.Increment(ref _simulated);
            Monitor.PulseAll(_gate);
        }
    }

    private (FinishedRun Run, BufferedRecorder Rows) Simulate(SweepRun run, CancellationToken cancel)
    {
        var rows = new BufferedRecorder(level);
        var watch = Stopwatch.StartNew();
        WorldRun? world = null;
        try
        {
            world = Simulations.Build(run.Scenario, registry, run.Policy, shared: true, run.Seed, rows);
            var completed = world.Run(cancel: cancel);
            var sim = world.World.Simulation;
            return completed
                ? (new FinishedRun(run, "complete", null, sim.Now, sim.ProcessedEvents, watch.Elapsed.TotalSeconds, Simulations.Summary(world, rows.Statistics)), rows)
                : (new FinishedRun(run, "interrupted", null, sim.Now, sim.ProcessedEvents, watch.Elapsed.TotalSeconds, null), rows);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var sim = world?.World.Simulation;
            return (new FinishedRun(run, "failed", ex.Message, sim?.Now ?? 0, sim?.ProcessedEvents ?? 0, watch.Elapsed.TotalSeconds, null), rows);
        }
    }

    private void Write(FinishedRun finished, BufferedRecorder rows, long runId)
    {
        var run = finished.Run;
        var info = new RunInfo(run.Scenario.Path, run.Scenario.Sha256, run.Scenario.ResolvedYaml, run.Policy, run.Seed, run.Replication, run.ParamsJson);
        using var writer = database.CreateRun(info, level, runId);
        rows.ReplayInto(writer);
        switch (finished.Status)
        {
            case "complete":
                writer.Complete(finished.SimTime, finished.Events, finished.WallSeconds, finished.Summary!);
                break;
            case "interrupted":
                writer.MarkInterrupted(finished.SimTime, finished.Events, finished.WallSeconds);
                break;
            default:
                writer.MarkFailed(finished.Message ?? "failed", finished.SimTime, finished.Events, finished.WallSeconds);
                break;
        }
    }
}
