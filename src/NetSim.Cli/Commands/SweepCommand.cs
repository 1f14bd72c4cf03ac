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
        var command = new Command(
            "sweep",
            "run a scenario's sweep: every grid point under every policy, in every replication. The policies share the scenario's policy.options and policy.checkpoint: each policy gets those it takes, and one that no policy of the sweep takes is an error")
        {
            scenario, jobs, shard, output, set, trace, overwrite,
        };
        command.SetAction(parse => Execute(
            parse.GetValue(scenario)!,
            parse.GetValue(jobs),
            parse.GetValue(shard),
            parse.GetValue(output),
            parse.GetValue(set) ?? [],
            Enum.Parse<TraceLevel>(parse.GetValue(trace)!, ignoreCase: true),
            parse.GetValue(overwrite)));
        return command;
    }

    private static int Execute(string file, int jobs, string? shardText, string? output, string[] overrides, TraceLevel level, bool overwrite)
    {
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

        var scope = shard.Count == 1 ? $"{runs.Count} runs" : $"shard {shard.Index}/{shard.Count}: runs {start}..{end - 1} of {plan.Runs.Count}";
        AnsiConsole.MarkupLine(Markup.Escape($"{name}: {scope} ({plan.Policies.Count} policies, {plan.Base.Config.Sweep.Replications} replications) on {jobs} job{(jobs == 1 ? string.Empty : "s")}"));
        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            using (database)
            {
                var executor = new SweepExecutor(runs, database, level, jobs, registry);
                var written = Run(executor, runs.Count, cancel.Token);
                if (Console.IsOutputRedirected)
                {
                    // A log file has no width: keep the table's rows on one line each.
                    AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 160);
                }

                AnsiConsole.Write(SweepSummaryTable.Build($"{name} · mean ± 95% CI over replications", written));
                AnsiConsole.MarkupLine($"trace database: [bold]{Markup.Escape(Path.GetFullPath(path))}[/]");
                foreach (var failed in written.Where(w => w.Status == "failed"))
                {
                    Console.Error.WriteLine($"netsim sweep: run {failed.Run.Index} ({failed.Run.Policy}, {failed.Run.PointLabel}, replication {failed.Run.Replication}) failed: {failed.Message}");
                }

                return cancel.IsCancellationRequested ? ExitCodes.Interrupted
                    : written.Any(w => w.Status != "complete") ? ExitCodes.Failure
                    : ExitCodes.Ok;
            }
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    /// <summary>Runs the sweep with a progress bar (done, running, left, time left), or a line per run when not interactive.</summary>
    private static IReadOnlyList<FinishedRun> Run(SweepExecutor executor, int total, CancellationToken cancel)
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
                },
                cancel);
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
                    },
                    cancel);
                task.Value = task.MaxValue;
            });
        return written;
    }
}
