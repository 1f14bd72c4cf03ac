using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using NetSim.Cli.Running;
using NetSim.Kernel.Randomness;
using NetSim.Network.Building;
using NetSim.Network.Recording;
using NetSim.Network.Scenario;
using NetSim.Network.Scheduling;
using NetSim.Traces;
using Spectre.Console;
using TraceLevel = NetSim.Network.Recording.TraceLevel;

namespace NetSim.Cli.Commands;

/// <summary><c>netsim run SCENARIO</c>: runs replications of a scenario into a trace database.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var scenario = new Argument<string>("scenario") { Description = "scenario file (YAML)" };
        var output = new Option<string?>("--out") { Description = "trace database (default: results/<scenario>.db); new runs are appended" };
        var set = Overrides.Option();
        var seed = new Option<ulong?>("--seed") { Description = "root seed (default: the scenario's seed)" };
        var replications = new Option<int>("--replications") { Description = "replications; seeds derive from the root seed", DefaultValueFactory = _ => 1 };
        var policy = new Option<string?>("--policy") { Description = "policy name (default: the scenario's)" };
        var trace = new Option<string>("--trace") { Description = "detail kept: summary, tasks or full", DefaultValueFactory = _ => "tasks" };
        trace.AcceptOnlyFromAmong("summary", "tasks", "full");
        var overwrite = new Option<bool>("--overwrite") { Description = "replace an existing database instead of appending to it" };
        var command = new Command("run", "run a scenario and write its trace database") { scenario, output, set, seed, replications, policy, trace, overwrite };
        command.SetAction(parse => Execute(
            parse.GetValue(scenario)!,
            parse.GetValue(output),
            parse.GetValue(set) ?? [],
            parse.GetValue(seed),
            parse.GetValue(replications),
            parse.GetValue(policy),
            Enum.Parse<TraceLevel>(parse.GetValue(trace)!, ignoreCase: true),
            parse.GetValue(overwrite)));
        return command;
    }

    private static int Execute(string file, string? output, string[] overrides, ulong? seedOption, int replications, string? policyOption, TraceLevel level, bool overwrite)
    {
        if (replications < 1)
        {
            Console.Error.WriteLine($"netsim run: --replications {replications}: at least 1 expected");
            return ExitCodes.BadInput;
        }

        overrides = Overrides.ResolvePaths(file, overrides);
        var registry = Policies.Registry();
        var loaded = ScenarioLoader.Load(file, overrides);
        if (!loaded.Ok)
        {
            Console.Error.WriteLine(loaded.Report(file));
            return ExitCodes.BadInput;
        }

        var scenario = loaded.Scenario!;
        var policyName = policyOption ?? scenario.Config.Policy.Name;
        if (!registry.Contains(policyName))
        {
            Console.Error.WriteLine($"netsim run: unknown policy {Quote.Value(policyName)} (known: {string.Join(", ", registry.Names)})");
            return ExitCodes.BadInput;
        }

        var policyError = Simulations.CheckPolicy(scenario, registry, policyName, shared: false, out var policyWarning);
        if (policyError is not null)
        {
            Console.Error.WriteLine($"netsim run: {policyError}");
            return ExitCodes.BadInput;
        }

        if (policyWarning is not null)
        {
            Console.Error.WriteLine($"netsim run: warning: {policyWarning}");
        }

        var path = output ?? Path.Combine("results", $"{scenario.Name}.db");
        var existed = File.Exists(path);
        if (Files.OpenDatabase("--out", path, overwrite ? OpenMode.Overwrite : OpenMode.Append, out var databaseError) is not { } database)
        {
            Console.Error.WriteLine($"netsim run: {databaseError}");
            return ExitCodes.BadInput;
        }

        if (existed && !overwrite)
        {
            AnsiConsole.MarkupLine($"[grey]{Markup.Escape(path)} exists: appending new runs (--overwrite replaces it)[/]");
        }

        using (database)
        {
            var root = seedOption ?? scenario.Config.Seed;
            var paramsJson = JsonSerializer.Serialize(Overrides.Values(overrides).ToDictionary());
            var infos = Enumerable.Range(0, replications).Select(r => new RunInfo(file, scenario.Sha256, scenario.ResolvedYaml, policyName, RandomStreams.Replication(root, r), r, paramsJson)).ToList();
            var complete = database.RunKeys().Where(k => k.Status == "complete").GroupBy(k => k.Key).ToDictionary(g => g.Key, g => g.First().RunId);
            if (infos.FirstOrDefault(i => complete.ContainsKey(RunKey.Of(i.ScenarioSha256, i.ParamsJson, i.Policy, i.Replication, i.Seed))) is { } done)
            {
                var id = complete[RunKey.Of(done.ScenarioSha256, done.ParamsJson, done.Policy, done.Replication, done.Seed)];
                Console.Error.WriteLine($"netsim run: replication {done.Replication} of {policyName} on this scenario is already complete in {path} (run {id}: the same scenario, overrides, policy, replication and seed); its statistics would count twice. --overwrite replaces the database; --seed or another --out gives new runs");
                return ExitCodes.BadInput;
            }

            using var interruption = new Interruption();
            var summaries = new List<IReadOnlyDictionary<string, double>>();
            foreach (var info in infos)
            {
                var outcome = RunOne(scenario, registry, policyName, info, database, level, info.Replication, replications, interruption, out var summary);
                if (outcome != ExitCodes.Ok)
                {
                    return outcome;
                }

                summaries.Add(summary!);
            }

            AnsiConsole.Write(SummaryTable.Build($"{scenario.Name} · {policyName}", summaries));
            AnsiConsole.MarkupLine(Markup.Escape(SummaryTable.WarmupLine(infos.Select(i => i.Replication).ToList(), summaries)));
            AnsiConsole.MarkupLine($"trace database: [bold]{Markup.Escape(Path.GetFullPath(path))}[/]");
            return ExitCodes.Ok;
        }
    }

    private static int RunOne(Scenario scenario, PolicyRegistry registry, string policyName, RunInfo info, TraceDatabase database, TraceLevel level, int replication, int replications, Interruption interruption, out IReadOnlyDictionary<string, double>? summary)
    {
        summary = null;
        using var writer = database.CreateRun(info, level);
        var watch = Stopwatch.StartNew();
        ChunkedRecorder? rows = null;
        WorldRun? run = null;
        try
        {
            if (Simulations.Cut(scenario, registry, policyName, shared: false, info.Seed, interruption.Token) is not { } cut)
            {
                writer.MarkInterrupted(0, 0, watch.Elapsed.TotalSeconds, interruption.Reason);
                AnsiConsole.MarkupLine($"[yellow]{interruption.Reason} while finding the warm-up cut; the run is marked interrupted in {Markup.Escape(database.Path)}[/]");
                return interruption.ExitCode;
            }

            rows = new ChunkedRecorder(writer, Simulations.Statistics(cut, replications));
            run = Simulations.Build(scenario, registry, policyName, shared: false, info.Seed, rows, interruption.Token, cut);
            writer.WritePlaces(run.World.Places());
            var finished = Progress(run, replication, replications, interruption.Token);
            var world = run.World;
            var simTime = world.Simulation.Now;
            rows.Flush();
            if (!finished)
            {
                writer.MarkInterrupted(simTime, world.Simulation.ProcessedEvents, watch.Elapsed.TotalSeconds, interruption.Reason);
                AnsiConsole.MarkupLine($"[yellow]{interruption.Reason} at t={simTime:G6} s; the run is marked interrupted in {Markup.Escape(database.Path)}[/]");
                return interruption.ExitCode;
            }

            var values = Simulations.Summary(run, rows.Statistics, replications);
            writer.WriteNodeStatistics(world.NodeStatistics());
            writer.Complete(simTime, world.Simulation.ProcessedEvents, watch.Elapsed.TotalSeconds, values);
            summary = values;
            return ExitCodes.Ok;
        }
        catch (Exception ex) when (RunWriter.WriteFailure(ex) is { } refused)
        {
            Console.Error.WriteLine($"netsim run: {writer.WriteFailed(refused).Message}");
            return ExitCodes.Failure;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var simTime = run?.World.Simulation.Now ?? 0;
            rows?.Flush();
            writer.MarkFailed(ex.Message, simTime, run?.World.Simulation.ProcessedEvents ?? 0, watch.Elapsed.TotalSeconds);
            Console.Error.WriteLine($"netsim run: replication {replication} failed at t={simTime.ToString("G6", CultureInfo.InvariantCulture)} s: {ex.Message}");
            return ExitCodes.Failure;
        }
        finally
        {
            (run?.Policy as IDisposable)?.Dispose();
        }
    }

    /// <summary>Runs with a progress bar (simulated time and tasks/s) when the terminal is interactive.</summary>
    private static bool Progress(WorldRun run, int replication, int replications, CancellationToken cancel)
    {
        var duration = run.Spec.Duration;
        var watch = Stopwatch.StartNew();
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            return run.Run(cancel: cancel);
        }

        var finished = false;
        AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask($"replication {replication + 1}/{replications}", maxValue: duration);
                finished = run.Run(
                    now =>
                    {
                        task.Value = Math.Min(now, duration);
                        var rate = run.World.Created / Math.Max(1e-9, watch.Elapsed.TotalSeconds);
                        task.Description = $"replication {replication + 1}/{replications}  t={now:G4} s  {rate:N0} tasks/s";
                    },
                    cancel);
                task.Value = duration;
            });
        return finished;
    }
}
