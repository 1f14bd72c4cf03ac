using System.CommandLine;
using System.Data.Common;
using NetSim.Traces;
using Spectre.Console;

namespace NetSim.Cli.Commands;

/// <summary><c>netsim merge OUT IN...</c>: joins trace databases (the shards of a sweep) into one.</summary>
internal static class MergeCommand
{
    public static Command Create()
    {
        var output = new Argument<string>("out") { Description = "merged trace database (must not exist unless --overwrite)" };
        var inputs = new Argument<string[]>("inputs") { Description = "trace databases to join, in order (shards 0, 1, ... of a sweep)", Arity = ArgumentArity.OneOrMore };
        var overwrite = new Option<bool>("--overwrite") { Description = "replace OUT if it exists" };
        var allowIncomplete = new Option<bool>("--allow-incomplete") { Description = "merge only the complete runs and list what is missing, instead of refusing missing shards and runs that are not complete" };
        var command = new Command(
            "merge",
            "join trace databases (the shards of a sweep) into one; runs keep their input order. Refused (exit 2, naming each problem) when a shard of a sweep is missing or given twice, a run is not complete, or two complete runs are one experiment (one run key)")
        {
            output, inputs, overwrite, allowIncomplete,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(output)!;
            var sources = parse.GetValue(inputs) ?? [];
            if ((Files.CheckOutput("out", path) ?? sources.Select(s => Files.CheckInput("input", s)).FirstOrDefault(e => e is not null)) is { } error)
            {
                Console.Error.WriteLine($"netsim merge: {error}");
                return ExitCodes.BadInput;
            }

            try
            {
                var full = Path.GetFullPath(path);
                if (sources.Any(s => Path.GetFullPath(s) == full))
                {
                    Console.Error.WriteLine($"netsim merge: {path} is also an input; choose another output");
                    return ExitCodes.BadInput;
                }

                var allow = parse.GetValue(allowIncomplete);
                var runs = TraceMerge.Merge(path, sources, parse.GetValue(overwrite) ? OpenMode.Overwrite : OpenMode.Refuse, allow);
                if (allow && TraceMerge.Check(sources).Incomplete is { Count: > 0 } missing)
                {
                    Console.Error.WriteLine($"netsim merge: --allow-incomplete: left out ({missing.Count}):\n  {string.Join("\n  ", missing)}");
                }

                AnsiConsole.MarkupLine($"merged {runs} run{(runs == 1 ? string.Empty : "s")} from {sources.Length} database{(sources.Length == 1 ? string.Empty : "s")} into [bold]{Markup.Escape(Path.GetFullPath(path))}[/]");
                return ExitCodes.Ok;
            }
            catch (TraceException ex)
            {
                Console.Error.WriteLine($"netsim merge: {ex.Message}");
                return ExitCodes.BadInput;
            }
            catch (Exception ex) when (ex is DbException or IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"netsim merge: {path}: cannot be written ({ex.Message})");
                return ExitCodes.BadInput;
            }
        });
        return command;
    }
}
