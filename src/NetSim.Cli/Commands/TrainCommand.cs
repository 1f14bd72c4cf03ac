using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using NetSim.Cli.Running;
using NetSim.Learning.Agents;
using NetSim.Learning.Environment;
using NetSim.Learning.Training;
using NetSim.Network.Recording;
using NetSim.Network.Scenario;
using NetSim.Network.Scheduling;
using NetSim.Kernel.Randomness;
using NetSim.Traces;
using Spectre.Console;

namespace NetSim.Cli.Commands;

/// <summary>
/// <c>netsim train SCENARIO</c>: trains a learned policy on the scenario's world, one episode per
/// run of the scenario (episode e on world e of a seed stream apart from the replications that
/// <c>netsim run</c> evaluates), writing a row per episode
/// to the trace database's <c>episodes</c> table and checkpoints atomically every K episodes and at
/// the end; <c>--resume</c> continues from the checkpoint with the same result as an uninterrupted run.
/// The checkpoint written at the end holds the state with the best validation return on held-out
/// worlds (<see cref="CheckpointSelection"/>; the agent's validate_every and validation_seeds), and
/// the log says after which episode it was taken; when that is not the last state, the last goes
/// to CHECKPOINT.last, from which <c>--resume</c> continues.
/// </summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var scenario = new Argument<string>("scenario") { Description = "scenario file (YAML)" };
        var agentOption = new Option<string?>("--agent") { Description = $"agent: {string.Join(", ", AgentFactory.Agents.Select(a => a.Name))} (default: the scenario's policy)" };
        var episodes = new Option<int>("--episodes") { Description = "episodes to train in all (a resumed run counts those done)", DefaultValueFactory = _ => 100 };
        var output = new Option<string?>("--out") { Description = "checkpoint file (default: the scenario's policy.checkpoint if it names one, else results/<scenario>.<agent>.ckpt)" };
        var resume = new Option<bool>("--resume") { Description = "continue from the checkpoint (same scenario, agent and seed)" };
        var every = new Option<int>("--checkpoint-every") { Description = "write the checkpoint every K episodes (and at the end)", DefaultValueFactory = _ => 10 };
        var database = new Option<string?>("--db") { Description = "trace database for the episodes table (default: results/<scenario>.db)" };
        var set = Overrides.Option();
        var seed = new Option<ulong?>("--seed") { Description = "root seed (default: the scenario's seed)" };
        var command = new Command("train", "train a learned policy and write its checkpoint") { scenario, agentOption, episodes, output, resume, every, database, set, seed };
        command.SetAction(parse => Execute(
            parse.GetValue(scenario)!,
            parse.GetValue(agentOption),
            parse.GetValue(episodes),
            parse.GetValue(output),
            parse.GetValue(resume),
            parse.GetValue(every),
            parse.GetValue(database),
            parse.GetValue(set) ?? [],
            parse.GetValue(seed)));
        return command;
    }

    private static int Execute(string file, string? agentName, int episodes, string? output, bool resume, int every, string? databasePath, string[] overrides, ulong? seedOption)
    {
        if (episodes < 1 || every < 1)
        {
            Console.Error.WriteLine($"netsim train: --episodes {episodes} and --checkpoint-every {every}: at least 1 expected");
            return ExitCodes.BadInput;
        }

        overrides = Overrides.ResolvePaths(file, overrides);
        var loaded = ScenarioLoader.Load(file, overrides);
        if (!loaded.Ok)
        {
            Console.Error.WriteLine(loaded.Report(file));
            return ExitCodes.BadInput;
        }

        var scenario = loaded.Scenario!;
        var name = agentName ?? scenario.Config.Policy.Name;
        if (!AgentFactory.Knows(name))
        {
            Console.Error.WriteLine($"netsim train: '{name}' is not a learning agent (known: {string.Join(", ", AgentFactory.Agents.Select(a => a.Name))})");
            return ExitCodes.BadInput;
        }

        var root = seedOption ?? scenario.Config.Seed;
        var named = scenario.Config.Policy.Checkpoint;
        var checkpointPath = output ?? (named.Length > 0 ? Path.Combine(scenario.Directory, named) : Path.Combine("results", $"{scenario.Name}.{name}.ckpt"));
        if (((resume ? Files.CheckInput("--resume: checkpoint", checkpointPath) : null) ?? Files.CheckOutput("--out", checkpointPath)) is { } pathError)
        {
            Console.Error.WriteLine($"netsim train: {pathError}");
            return ExitCodes.BadInput;
        }

        var spec = ScenarioMapper.ToSpec(scenario, root);
        var context = new PolicyContext(name, new RandomStream("policy", RandomStreams.SeedOf(root, "train/policy")), Simulations.PolicyOptions(scenario), null, scenario.Directory);
        ILearningAgent agent;
        try
        {
            agent = AgentFactory.Create(name, context, WorldShape.Of(spec));
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine($"netsim train: {file}: {ex.Message}");
            return ExitCodes.BadInput;
        }

        using (agent)
        {
            var trainer = new Trainer(new OffloadingEnvironment(spec, name, agent.Reward), agent, root);
            if (resume)
            {
                try
                {
                    // When validation chose an earlier state, the checkpoint holds that one and the training's last state is apart.
                    var header = Checkpoint.Load(File.Exists(LastPath(checkpointPath)) ? LastPath(checkpointPath) : checkpointPath, agent, scenario.Sha256);
                    if (header.RootSeed != root)
                    {
                        Console.Error.WriteLine($"netsim train: {checkpointPath} was trained with seed {header.RootSeed}, not {root}");
                        return ExitCodes.BadInput;
                    }

                    trainer.Episode = header.NextEpisode;
                }
                catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
                {
                    Console.Error.WriteLine($"netsim train: --resume: {ex.Message}");
                    return ExitCodes.BadInput;
                }
            }

            var dbPath = databasePath ?? Path.Combine("results", $"{scenario.Name}.db");
            if (Files.OpenDatabase("--db", dbPath, OpenMode.Append, out var databaseError) is not { } db)
            {
                Console.Error.WriteLine($"netsim train: {databaseError}");
                return ExitCodes.BadInput;
            }

            using (db)
            {
                return Train(scenario, file, name, agent, trainer, episodes, every, checkpointPath, db, root, overrides);
            }
        }
    }

    /// <summary>Where the last state goes when the checkpoint holds an earlier, chosen one.</summary>
    private static string LastPath(string checkpointPath) => checkpointPath + ".last";

    /// <summary>
    /// The first episode at which the mean reward of the ten episodes ending there is at least the
    /// mean of the last tenth of the run (the final reward), minus 5% of its magnitude; with the
    /// training seconds up to it. NaN when the run is shorter than 20 episodes.
    /// </summary>
    private static (double Episode, double Seconds) Reached(List<(int Episode, double Reward, double Wall)> history)
    {
        if (history.Count < 20)
        {
            return (double.NaN, double.NaN);
        }

        var tenth = Math.Max(10, history.Count / 10);
        var final = history.TakeLast(tenth).Average(h => h.Reward);
        var threshold = final - (0.05 * Math.Abs(final));
        for (var i = 9; i < history.Count; i++)
        {
            var window = 0.0;
            for (var j = i - 9; j <= i; j++)
            {
                window += history[j].Reward;
            }

            if (window / 10 >= threshold)
            {
                return (history[i].Episode, history[i].Wall);
            }
        }

        return (double.NaN, double.NaN);
    }

    private static int Train(Scenario scenario, string file, string name, ILearningAgent agent, Trainer trainer, int episodes, int every, string checkpointPath, TraceDatabase db, ulong root, string[] overrides)
    {
        var paramsJson = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["train"] = true,
            ["first_episode"] = trainer.Episode,
            ["episodes"] = episodes,
            ["hyperparameters"] = agent.Hyperparameters,
            ["overrides"] = overrides,
        });
        using var interruption = new Interruption();
        using var writer = db.CreateRun(new RunInfo(file, scenario.Sha256, scenario.ResolvedYaml, name, root, 0, paramsJson), TraceLevel.Summary);
        var running = double.NaN;
        var last = double.NaN;
        var lastLatency = double.NaN;
        var history = new List<(int Episode, double Reward, double Wall)>();
        // Steps, updates and seconds are this run's: a resumed agent's count includes the earlier runs'.
        var updatesBefore = agent.Updates;
        var selection = new CheckpointSelection(trainer, agent);
        try
        {
            // The episodes so far are committed before each checkpoint, so a process killed outright
            // keeps every episode its last checkpoint holds (a resumed training continues from there).
            void Save(string path)
            {
                writer.Commit();
                Checkpoint.Save(path, agent, new CheckpointHeader(name, scenario.Sha256, agent.Encoding, agent.Hyperparameters, root, trainer.Episode));
            }

            // The checkpoint holds the last state until the end: a stale CHECKPOINT.last goes.
            void SaveLast()
            {
                Save(checkpointPath);
                File.Delete(LastPath(checkpointPath));
            }

            void One()
            {
                var record = trainer.RunEpisode();
                writer.WriteEpisode(record);
                history.Add((record.Episode, record.Reward, trainer.TotalSeconds));
                last = record.Reward;
                lastLatency = record.MeanLatency;
                running = double.IsNaN(running) ? record.Reward : (0.9 * running) + (0.1 * record.Reward);
                selection.AfterEpisode(trainer.Episode == episodes);
                if (trainer.Episode % every == 0 || trainer.Episode == episodes)
                {
                    SaveLast();
                }
            }

            if (AnsiConsole.Profile.Capabilities.Interactive)
            {
                AnsiConsole.Progress()
                    .AutoClear(true)
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                    .Start(ctx =>
                    {
                        var task = ctx.AddTask($"{name}", maxValue: episodes);
                        task.Value = trainer.Episode;
                        while (trainer.Episode < episodes && !interruption.Requested)
                        {
                            One();
                            task.Value = trainer.Episode;
                            task.Description = $"{name}  episode {trainer.Episode}/{episodes}  reward {running.ToString("G4", CultureInfo.InvariantCulture)}";
                        }
                    });
            }
            else
            {
                while (trainer.Episode < episodes && !interruption.Requested)
                {
                    One();
                }
            }

            // Counted before the chosen state, with its own counters, replaces the last one.
            var updates = agent.Updates - updatesBefore;
            var chosen = !interruption.Requested && selection.Validations > 0;
            if (chosen && selection.BestEpisode != trainer.Episode - 1)
            {
                Save(LastPath(checkpointPath));
                selection.Restore();
                Save(checkpointPath);
            }
            else
            {
                SaveLast();
            }

            var (reachedEpisode, reachedSeconds) = Reached(history);
            var summary = new Dictionary<string, double>
            {
                ["reached_episode"] = reachedEpisode,
                ["reached_seconds"] = reachedSeconds,
                ["updates_per_second"] = updates / Math.Max(1e-9, trainer.TotalSeconds),
                ["episodes"] = trainer.Episode,
                ["final_reward"] = last,
                ["mean_latency"] = lastLatency,
                ["running_reward"] = running,
                ["env_steps"] = trainer.EnvironmentSteps,
                ["updates"] = updates,
                ["simulator_share"] = trainer.TotalSeconds > 0 ? trainer.SimulatorSeconds / trainer.TotalSeconds : double.NaN,
                ["chosen_episode"] = chosen ? selection.BestEpisode : double.NaN,
                ["chosen_validation_return"] = chosen ? selection.BestReturn : double.NaN,
                ["last_validation_return"] = selection.LastReturn,
            };
            if (interruption.Requested)
            {
                writer.MarkInterrupted(double.NaN, trainer.EnvironmentSteps, trainer.TotalSeconds, interruption.Reason);
                AnsiConsole.MarkupLine($"[yellow]{interruption.Reason} after episode {trainer.Episode}; checkpoint {Markup.Escape(checkpointPath)} (continue with --resume)[/]");
                return interruption.ExitCode;
            }

            writer.Complete(double.NaN, trainer.EnvironmentSteps, trainer.TotalSeconds, summary);
            var stepsPerSecond = trainer.EnvironmentSteps / Math.Max(1e-9, trainer.TotalSeconds);
            var updatesPerSecond = updates / Math.Max(1e-9, trainer.TotalSeconds);
            AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {trainer.Episode} episodes, last reward {last:G5}, running reward {running:G5}; {trainer.EnvironmentSteps} steps ({stepsPerSecond:N0}/s), {updates} updates ({updatesPerSecond:N0}/s), simulator {100 * trainer.SimulatorSeconds / Math.Max(1e-9, trainer.TotalSeconds):F1}% of {trainer.TotalSeconds:F1} s"));
            if (!double.IsNaN(reachedSeconds))
            {
                AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"final reward (mean of the last tenth) first reached by a ten-episode mean at episode {reachedEpisode}, after {reachedSeconds:F1} s of this run's training"));
            }

            if (chosen)
            {
                AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"checkpoint: the state after episode {selection.BestEpisode} (numbered from 0), whose mean validation return over {agent.Validation.Seeds} held-out worlds, {selection.BestReturn:G5}, was the best of {selection.Validations} validations (the last, after episode {selection.LastEpisode}: {selection.LastReturn:G5}){(selection.BestEpisode != trainer.Episode - 1 ? $"; the last state is in {LastPath(checkpointPath)}, where --resume continues" : string.Empty)}"));
            }

            AnsiConsole.MarkupLine($"checkpoint: [bold]{Markup.Escape(Path.GetFullPath(checkpointPath))}[/]");
            return ExitCodes.Ok;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            writer.MarkFailed(ex.Message, double.NaN, trainer.EnvironmentSteps, trainer.TotalSeconds);
            Console.Error.WriteLine($"netsim train: episode {trainer.Episode} failed: {ex.Message}");
            return ExitCodes.Failure;
        }
    }
}
