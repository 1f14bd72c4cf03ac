using System.CommandLine;
using NetSim.Cli.Commands;
using Spectre.Console;

namespace NetSim.Cli;

/// <summary>The <c>netsim</c> command.</summary>
public static class Program
{
    /// <summary>Entry point; exit codes: 0 ok, 1 failure while running, 2 bad input, 130 interrupted.</summary>
    public static int Main(string[] args)
    {
        var root = new RootCommand("NetSim: discrete-event simulation of AIGC task offloading in 6G edge networks")
        {
            RunCommand.Create(),
            ValidateCommand.Create(),
            ReportCommand.Create(),
            SchemaCommand.Create(),
            SweepCommand.Create(),
            MergeCommand.Create(),
            PlotCommand.Create(),
            TrainCommand.Create(),
            PapersReadmeCommand.Create(),
        };
        if (Console.IsOutputRedirected)
        {
            // A log file or a pipe gets plain text: no colour or cursor codes.
            AnsiConsole.Profile.Capabilities.Ansi = false;
            AnsiConsole.Profile.Capabilities.ColorSystem = ColorSystem.NoColors;
        }

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                Console.Error.WriteLine($"netsim: {error.Message}");
            }

            Console.Error.WriteLine("netsim: see 'netsim --help'");
            return ExitCodes.BadInput;
        }

        return parse.Invoke();
    }
}
