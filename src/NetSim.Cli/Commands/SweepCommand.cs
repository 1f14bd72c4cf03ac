using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using NetSim.Cli.Sweeps;
using NetSim.Traces;
using Spectre.Console;
using TraceLevel = NetSim.Network.Recording.TraceLevel;

namespace NetSim.Cli.Commands;

/// <summary><c>netsim sweep SCENARIO</c>: runs the scenario's sweep grid under its policies and replications.</summary>
internal static class SweepCommand
{
    public static Command Create()
    {
        var scenario = new Argument<string>("scenario") { Description = "scenario file (YAML) with a sweep: block" };
        var jobs = new Option<int>("--jobs") { Description = "runs simulated at once (default: every core)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var shard = new Option<string?>("--shard") { Description = "run only slice I of N (from 0), for cluster job arrays; join the shards with netsim merge" };
        var output = new Option<string?>("--out") { Description = "trace database (default: results/<scenario>-sweep.db, or -shard-I-of-N.db with --shard)" };
        var set = Overrides.Option("override a value at every grid point");
        var trace = new Option<string>("--trace") { Description = "detail kept: summary, tasks or full", DefaultValueFactory = _ => "tasks" };
        trace.AcceptOnlyFromAmong("summary", "tasks", "full");
        var overwrite = new Option<bool>("--overwrite") { Description = "replace an existing database instead of appending to it" };
        var resume = new Option<bool>("--resume") { Description = "run only the runs (of this shard) that are not complete in --out, replacing interrupted, failed and running leftovers" };
        var command = new Command(
            "sweep",
            "run a scenario's sweep: every grid point under every policy, in every replication. The policies share the scenario's policy.options and policy.checkpoint: each policy gets those it takes, and one that no policy of the sweep takes is an error")
        {
            scenario, jobs, shard, output, set, trace, overwrite, resume,
        };
        command.SetAction(parse => Execute(
            parse.GetValue(scenario)!,
            parse.GetValue(jobs),
            parse.GetValue(shard),
            parse.GetValue(output),
            parse.GetValue(set) ?? [],
            Enum.Parse<TraceLevel>(parse.GetValue(trace)!, ignoreCase: true),
            parse.GetValue(overwrite),
            parse.GetValue(resume)));
        return command;
    }

    private static int Execute(string file, int jobs, string? shardText, string? output, string[] overrides, TraceLevel level, bool overwrite, bool resume)
    {
        if (overwrite && resume)
        {
            Console.Error.WriteLine("netsim sweep: --resume continues a database and --overwrite replaces it: give one of them");
            return ExitCodes.BadInput;
        }

        if (jobs < 1)
        {
            Console.Error.WriteLine($"netsim sweep: --jobs {jobs}: at least 1 expected");
            return ExitCodes.BadInput;
        }

        var shard = Shard.All;
        if (shardText is not null)
        {
            if (Shard.Parse(shardText, out var shardError) is not { } parsed)
            {
                Console.Error.WriteLine($"netsim sweep: {shardError}");
                return ExitCodes.BadInput;
            }

            shard = parsed;
        }

        var registry = Policies.Registry();
        var plan = SweepPlan.Create(file, Overrides.ResolvePaths(file, overrides), registry, out var errors);
        if (plan is null)
        {
            Console.Error.WriteLine(errors);
            return ExitCodes.BadInput;
        }

        foreach (var warning in plan.Warnings)
        {
            Console.Error.WriteLine($"netsim sweep: warning: {warning}");
        }

        var (start, end) = shard.Range(plan.Runs.Count);
        var runs = plan.Runs.Skip(start).Take(end - start).ToList();
        var name = plan.Base.Name;
        var path = output ?? Path.Combine("results", shard.Count == 1 ? $"{name}-sweep.db" : $"{name}-sweep-shard-{shard.Index}-of-{shard.Count}.db");
        if (Files.OpenDatabase("--out", path, overwrite ? OpenMode.Overwrite : OpenMode.Append, out var databaseError) is not { } database)
        {
            Console.Error.WriteLine($"netsim sweep: {databaseError}");
            return ExitCodes.BadInput;
        }

        using (database)
        {
            if (Prepare(database, plan, shard, runs, start, resume, out var skipped) is not { } planned)
            {
                return ExitCodes.BadInput;
            }

            var scope = shard.Count == 1 ? $"{runs.Count} runs" : $"shard {shard.Index}/{shard.Count}: runs {start}..{end - 1} of {plan.Runs.Count}";
            var resumed = resume ? $"; {skipped.Count} complete in {path}, {planned.Count} to run" : string.Empty;
            AnsiConsole.MarkupLine(Markup.Escape($"{name}: {scope} ({plan.Policies.Count} policies, {plan.Base.Config.Sweep.Replications} replications) on {jobs} job{(jobs == 1 ? string.Empty : "s")}{resumed}"));
            using var interruption = new Interruption();
            var executor = new SweepExecutor(planned, database, level, jobs, registry, interruption);
            IReadOnlyList<FinishedRun> simulated;
            try
            {
                simulated = Run(executor, planned.Count);
            }
            catch (TraceException ex)
            {
                // The database refused a write (a full disk): the runs in flight are marked interrupted.
                Console.Error.WriteLine($"netsim sweep: {ex.Message}; the other runs in flight are marked interrupted; netsim sweep --resume --out {path} runs what is not complete");
                return ExitCodes.Failure;
            }

            var written = simulated.Concat(skipped).OrderBy(w => w.Run.Index).ToList();
            if (Console.IsOutputRedirected)
            {
                // A log file has no width: keep the table's rows on one line each.
                AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 160);
            }

            AnsiConsole.Write(SweepSummaryTable.Build($"{name} · mean ± 95% CI over replications", written));
            AnsiConsole.MarkupLine($"trace database: [bold]{Markup.Escape(Path.GetFullPath(path))}[/]");
            foreach (var failed in written.Where(w => w.Status == "failed"))
            {
                Console.Error.WriteLine($"netsim sweep: run {failed.Run.Index} ({failed.Run.Label}) failed: {failed.Message}");
            }

            if (interruption.Requested)
            {
                Console.Error.WriteLine($"netsim sweep: {interruption.Reason}: {written.Count(w => w.Status == "interrupted")} runs in flight are marked interrupted, {runs.Count - written.Count} did not start; netsim sweep --resume --out {path} runs what is not complete");
                return interruption.ExitCode;
            }

            return written.Any(w => w.Status != "complete") ? ExitCodes.Failure : ExitCodes.Ok;
        }
    }

    /// <summary>
    /// Records the shard's plan in <paramref name="database"/> and returns the runs to simulate with
    /// their run ids; null (after saying why) when the database refuses them. A fresh sweep gives
    /// run i of the shard the id after the database's last (run or planned run), plus i; it is refused when one of its
    /// runs is already complete there (the same experiment would be pooled twice) or the database
    /// already holds this shard's plan. With <paramref name="resume"/> the runs complete in the
    /// database are skipped (returned in <paramref name="skipped"/> with their summaries), the
    /// leftovers of the others are deleted, and each runs again under the id its plan gave it.
    /// </summary>
    private static List<(SweepRun Run, long RunId)>? Prepare(TraceDatabase database, SweepPlan plan, Shard shard, List<SweepRun> runs, int start, bool resume, out List<FinishedRun> skipped)
    {
        skipped = [];
        var sweepId = plan.Id;
        var existing = database.RunKeys();
        var complete = existing.Where(e => e.Status == "complete").GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.First().RunId);
        var recorded = database.Plan();
        var mine = recorded.Where(e => e.Sweep == sweepId && e.Shard == shard.Index && e.Shards == shard.Count).ToDictionary(e => e.RunKey, e => e.RunId);
        if (!resume)
        {
            var done = runs.Where(r => complete.ContainsKey(r.Key)).ToList();
            if (mine.Count > 0 || done.Count > 0)
            {
                var what = done.Count > 0
                    ? $"{done.Count} of this sweep's {runs.Count} runs are already complete in {database.Path} (run {done[0].Index}: {done[0].Label}, as run id {complete[done[0].Key]})"
                    : $"{database.Path} already holds the plan of this sweep{(shard.Count == 1 ? string.Empty : $"'s shard {shard.Index}/{shard.Count}")}";
                Console.Error.WriteLine($"netsim sweep: {what}; --resume runs only the runs not complete, --overwrite replaces the database");
                return null;
            }
        }
        else if (mine.Count == 0 && recorded.FirstOrDefault(e => e.Sweep != sweepId || e.Shard != shard.Index || e.Shards != shard.Count) is { } other)
        {
            Console.Error.WriteLine($"netsim sweep: --resume: {database.Path} holds shard {other.Shard}/{other.Shards} of another sweep ({other.Scenario}), not this one's {shard.Index}/{shard.Count}; --overwrite replaces it, or choose another --out");
            return null;
        }

        List<long> ids;
        if (mine.Count == 0)
        {
            try
            {
                ids = [.. database.ReservePlan([.. runs.Select((r, i) => new PlanEntry(sweepId, plan.Base.Path, shard.Index, shard.Count, plan.Runs.Count, start + i, 0, r.Key, r.Label))]).Select(e => e.RunId)];
            }
            catch (TraceException ex)
            {
                Console.Error.WriteLine($"netsim sweep: {ex.Message}; --resume runs only the runs not complete, --overwrite replaces the database");
                return null;
            }
        }
        else
        {
            ids = [.. runs.Select(r => mine[r.Key])];
        }

        var planned = new List<(SweepRun, long)>();
        using var reader = resume ? new TraceReader(database.Path) : null;
        for (var i = 0; i < runs.Count; i++)
        {
            var run = runs[i];
            if (complete.TryGetValue(run.Key, out var doneId))
            {
                skipped.Add(new FinishedRun(run, "complete", null, double.NaN, 0, double.NaN, reader!.Summary(doneId)));
                continue;
            }

            foreach (var leftover in existing.Where(e => e.Key == run.Key))
            {
                database.DeleteRun(leftover.RunId);
            }

            planned.Add((run, ids[i]));
        }

        return planned;
    }

    /// <summary>Runs the sweep with a progress bar (done, running, left, time left), or a line per run when not interactive.</summary>
    private static IReadOnlyList<FinishedRun> Run(SweepExecutor executor, int total)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            var watch = Stopwatch.StartNew();
            return executor.Execute(
                p =>
                {
                    if (p.Last is { } last)
                    {
                        var left = total - p.Done;
                        var eta = p.Done > 0 ? watch.Elapsed.TotalSeconds / p.Done * left : double.NaN;
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{p.Done}/{total}] {last.Run.Policy} {last.Run.PointLabel} replication {last.Run.Replication}: {last.Status} ({last.WallSeconds:F1} s); {p.Running} running, {p.Left} left, about {eta:F0} s left"));
                    }
                });
        }

        IReadOnlyList<FinishedRun> written = [];
        AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask($"0 done, 0 running, {total} left", maxValue: Math.Max(1, total));
                written = executor.Execute(
                    p =>
                    {
                        task.Value = p.Done;
                        task.Description = $"{p.Done} done, {p.Running} running, {p.Left} left";
                    });
                task.Value = task.MaxValue;
            });
        return written;
    }
}
