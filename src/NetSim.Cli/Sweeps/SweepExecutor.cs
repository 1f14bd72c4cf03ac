using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using NetSim.Cli.Running;
using NetSim.Network.Building;
using NetSim.Network.Recording;
using NetSim.Network.Scheduling;
using NetSim.Traces;
using TraceLevel = NetSim.Network.Recording.TraceLevel;

namespace NetSim.Cli.Sweeps;

/// <summary>
/// Runs a list of sweep runs on <c>jobs</c> worker threads, taken in order. Each worker has its own
/// connection to the database and writes its run's rows as the run goes, in committed chunks
/// (<see cref="ChunkedRecorder"/>), under the run id the sweep's plan gave it, so memory stays flat
/// however long a run is and a killed sweep keeps every row committed so far. Rows depend only on
/// each run's scenario, policy and seed: never on --jobs.
/// </summary>
internal sealed class SweepExecutor(IReadOnlyList<(SweepRun Run, long RunId)> runs, TraceDatabase database, TraceLevel level, int jobs, PolicyRegistry registry, Interruption interruption)
{
    private readonly BlockingCollection<FinishedRun> _finished = [];
    private int _next = -1;
    private int _started;
    private int _simulated;
    private int _workersLeft;
    private ExceptionDispatchInfo? _failure;

    /// <summary>Runs everything (or up to a signal); returns the runs written, in plan order.</summary>
    public IReadOnlyList<FinishedRun> Execute(Action<SweepProgress> progress)
    {
        var count = Math.Max(1, Math.Min(jobs, runs.Count));
        _workersLeft = count;
        var workers = Enumerable.Range(0, count).Select(w => new Thread(Work) { IsBackground = true, Name = $"sweep worker {w}" }).ToList();
        workers.ForEach(w => w.Start());
        var written = new List<FinishedRun>();
        while (!_finished.IsCompleted)
        {
            if (_finished.TryTake(out var finished, TimeSpan.FromMilliseconds(250)))
            {
                written.Add(finished);
                progress(Snapshot(written.Count, finished));
            }
            else
            {
                progress(Snapshot(written.Count, null));
            }
        }

        workers.ForEach(w => w.Join());
        _failure?.Throw();
        return [.. written.OrderBy(w => w.Run.Index)];
    }

    private SweepProgress Snapshot(int done, FinishedRun? last)
    {
        var started = Volatile.Read(ref _started);
        var simulated = Volatile.Read(ref _simulated);
        return new SweepProgress(done, started - simulated, runs.Count - started, last);
    }

    private void Work()
    {
        try
        {
            using var connection = database.OpenWriter();
            while (!interruption.Requested)
            {
                var index = Interlocked.Increment(ref _next);
                if (index >= runs.Count)
                {
                    break;
                }

                Interlocked.Increment(ref _started);
                var finished = Simulate(connection, runs[index].Run, runs[index].RunId);
                Interlocked.Increment(ref _simulated);
                _finished.Add(finished);
            }
        }
        catch (Exception ex)
        {
            // The database failed (a full disk): the sweep stops and the command reports it.
            Interlocked.CompareExchange(ref _failure, ExceptionDispatchInfo.Capture(ex), null);
            interruption.Stop();
        }
        finally
        {
            if (Interlocked.Decrement(ref _workersLeft) == 0)
            {
                _finished.CompleteAdding();
            }
        }
    }

    private FinishedRun Simulate(TraceDatabase connection, SweepRun run, long runId)
    {
        var info = new RunInfo(run.Scenario.Path, run.Scenario.Sha256, run.Scenario.ResolvedYaml, run.Policy, run.Seed, run.Replication, run.ParamsJson);
        using var writer = connection.CreateRun(info, level, runId);
        var watch = Stopwatch.StartNew();
        ChunkedRecorder? rows = null;
        WorldRun? world = null;
        try
        {
            if (Simulations.Cut(run.Scenario, registry, run.Policy, shared: true, run.Seed, interruption.Token) is not { } cut)
            {
                writer.MarkInterrupted(0, 0, watch.Elapsed.TotalSeconds, interruption.Reason);
                return new FinishedRun(run, "interrupted", interruption.Reason, 0, 0, watch.Elapsed.TotalSeconds, null);
            }

            rows = new ChunkedRecorder(writer, Simulations.Statistics(cut, replications: int.MaxValue));
            world = Simulations.Build(run.Scenario, registry, run.Policy, shared: true, run.Seed, rows, interruption.Token, cut);
            writer.WritePlaces(world.World.Places());
            var completed = world.Run(cancel: interruption.Token);
            var sim = world.World.Simulation;
            rows.Flush();
            if (completed)
            {
                var summary = Simulations.Summary(world, rows.Statistics, replications: int.MaxValue);
                writer.WriteNodeStatistics(world.World.NodeStatistics());
                writer.Complete(sim.Now, sim.ProcessedEvents, watch.Elapsed.TotalSeconds, summary);
                return new FinishedRun(run, "complete", null, sim.Now, sim.ProcessedEvents, watch.Elapsed.TotalSeconds, summary);
            }

            writer.MarkInterrupted(sim.Now, sim.ProcessedEvents, watch.Elapsed.TotalSeconds, interruption.Reason);
            return new FinishedRun(run, "interrupted", interruption.Reason, sim.Now, sim.ProcessedEvents, watch.Elapsed.TotalSeconds, null);
        }
        catch (Exception ex) when (RunWriter.WriteFailure(ex) is { } refused)
        {
            // The database refused a write (a full disk): the run is marked failed if the file takes it, and the sweep stops.
            throw writer.WriteFailed(refused);
        }
        catch (Exception ex) when (ex is not (OutOfMemoryException or IOException))
        {
            var sim = world?.World.Simulation;
            rows?.Flush();
            writer.MarkFailed(ex.Message, sim?.Now ?? 0, sim?.ProcessedEvents ?? 0, watch.Elapsed.TotalSeconds);
            return new FinishedRun(run, "failed", ex.Message, sim?.Now ?? 0, sim?.ProcessedEvents ?? 0, watch.Elapsed.TotalSeconds, null);
        }
        finally
        {
            (world?.Policy as IDisposable)?.Dispose();
        }
    }
}
