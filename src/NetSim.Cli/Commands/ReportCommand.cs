using System.CommandLine;
using NetSim.Cli.Reporting;
using NetSim.Traces;
using Spectre.Console;

namespace NetSim.Cli.Commands;

/// <summary><c>netsim report DB</c>: the runs of a trace database and their summaries.</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var database = new Argument<string>("database") { Description = "trace database" };
        var repair = new Option<bool>("--repair")
        {
            Description = "mark the stale runs interrupted: runs still marked running whose process is gone (same host, no such process) or was not recorded (an older NetSim)",
        };
        var html = new Option<string?>("--html") { Description = "also write one self-contained HTML page (inline SVG figures, no scripts): runs, provenance, summaries with confidence intervals and the standard figures" };
        var command = new Command("report", "summarise the runs of a trace database, naming the stale runs (left running by a killed process)") { database, repair, html };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(database)!;
            var page = parse.GetValue(html);
            if ((Files.CheckInput("database", path) ?? (page is null ? null : Files.CheckOutput("--html", page))) is { } error)
            {
                Console.Error.WriteLine($"netsim report: {error}");
                return ExitCodes.BadInput;
            }

            try
            {
                if (parse.GetValue(repair) && Repair(path) is { } repairError)
                {
                    Console.Error.WriteLine($"netsim report: --repair: {repairError}");
                    return ExitCodes.BadInput;
                }

                using var reader = new TraceReader(path);
                var runs = reader.Runs();
                var table = new Table().Title(Markup.Escape(path)).AddColumns("run", "scenario", "policy", "replication", "status", "sim time (s)", "events", "wall (s)");
                foreach (var run in runs)
                {
                    table.AddRow(run.RunId.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(run.Scenario), Markup.Escape(run.Policy), run.Replication.ToString(System.Globalization.CultureInfo.InvariantCulture), Status(run.Status), $"{run.SimTime:G6}", $"{run.Events:N0}", $"{run.WallSeconds:F2}");
                }

                AnsiConsole.Write(table);
                var counted = reader.CompleteRuns();
                foreach (var group in counted.GroupBy(r => (r.Scenario, r.Policy, r.ScenarioSha256, r.Params)))
                {
                    var summaries = group.Select(r => reader.Summary(r.RunId)).ToList();
                    var title = GroupTitle(group.Key.Scenario, group.Key.Policy, group.Key.ScenarioSha256, group.Key.Params, group.Select(r => r.Replication));
                    AnsiConsole.Write(SummaryTable.Build(title, summaries));
                    AnsiConsole.MarkupLine(Markup.Escape(SummaryTable.WarmupLine(group.Select(r => r.Replication).ToList(), summaries)));
                    if (NodeTable.Build(title, group.Select(r => reader.NodeStatistics(r.RunId)).ToList()) is { } nodes)
                    {
                        AnsiConsole.Write(nodes);
                    }
                }

                var ids = counted.Select(r => r.RunId).ToHashSet();
                foreach (var twice in runs.Where(r => r.Status == "complete" && !ids.Contains(r.RunId)))
                {
                    var first = counted.First(r => r.Key == twice.Key);
                    AnsiConsole.MarkupLine($"run {twice.RunId} is the same experiment as run {first.RunId} (run key {twice.Key}): counted once");
                }

                foreach (var failed in runs.Where(r => r.Message is not null && r.Status != "complete"))
                {
                    AnsiConsole.MarkupLine($"run {failed.RunId} {failed.Status}: {Markup.Escape(failed.Message!)}");
                }

                foreach (var stale in reader.StaleRuns())
                {
                    AnsiConsole.MarkupLine(Markup.Escape($"run {stale.RunId} (run key {stale.Key}, started {stale.StartedAt}) is stale: still marked running, but {stale.Why}; netsim report --repair marks it interrupted"));
                }

                if (page is not null)
                {
                    WritePage(page, HtmlReport.Build(reader));
                    AnsiConsole.MarkupLine($"HTML report: [bold]{Markup.Escape(Path.GetFullPath(page))}[/]");
                }

                return ExitCodes.Ok;
            }
            catch (TraceException ex)
            {
                Console.Error.WriteLine($"netsim report: {ex.Message}");
                return ExitCodes.BadInput;
            }
        });
        return command;
    }

    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/> under a temporary name first, so a failed write leaves no half page.</summary>
    private static void WritePage(string path, string text)
    {
        var temporary = $"{path}.{Environment.ProcessId}.partial";
        try
        {
            File.WriteAllText(temporary, text);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Marks the stale runs of <paramref name="path"/> interrupted, saying which; null, or why it cannot.</summary>
    private static string? Repair(string path)
    {
        using var database = Files.OpenDatabase("database", path, OpenMode.Append, out var error);
        if (database is null)
        {
            return error;
        }

        foreach (var run in database.MarkStaleInterrupted(includeUnrecorded: true))
        {
            Console.Error.WriteLine($"netsim report: {path}: run {run.RunId} (started {run.StartedAt}) was still marked running, but {run.Why}; marked interrupted");
        }

        return null;
    }

    /// <summary>
    /// A group's title: scenario, policy and grid point (the run's overrides and sweep values), with
    /// the scenario's hash when the same scenario name ran with two contents, so no two groups share one.
    /// </summary>
    private static string GroupTitle(string scenario, string policy, string sha256, string parameters, IEnumerable<int> replications)
    {
        var point = parameters is "{}" or "" ? "no overrides" : parameters;
        var reps = replications.Order().ToList();
        var span = reps.Count == 1 ? $"replication {reps[0]}" : $"replications {string.Join(", ", reps)}";
        return $"{scenario} ({sha256[..Math.Min(8, sha256.Length)]}) · policy {policy} · {point} · {span}";
    }

    private static string Status(string status) => status switch
    {
        "complete" => "[green]complete[/]",
        "running" => "[yellow]running[/]",
        _ => $"[red]{status}[/]",
    };
}
