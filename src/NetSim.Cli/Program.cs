using System.CommandLine;
using System.Data.Common;
using NetSim.Cli.Commands;
using Spectre.Console;

namespace NetSim.Cli;

/// <summary>The <c>netsim</c> command.</summary>
public static class Program
{
    /// <summary>Entry point; exit codes: 0 ok, 1 failure while running, 2 bad input, 130 interrupted by SIGINT, 143 by SIGTERM or SIGHUP.</summary>
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
            ExportCommand.Create(),
            PlotCommand.Create(),
            TrainCommand.Create(),
            ServeCommand.Create(),
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

        try
        {
            return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DbException)
        {
            // The file system or the database failed while running (a full disk, a file removed meanwhile).
            Console.Error.WriteLine($"netsim: {ex.Message}");
            return ExitCodes.Failure;
        }
        catch (Exception ex)
        {
            // A bug: one line that says where, instead of a stack trace.
            var where = ex.TargetSite is { } site ? $" in {site.DeclaringType?.FullName}.{site.Name}" : string.Empty;
            Console.Error.WriteLine($"netsim: internal error ({ex.GetType().Name}{where}): {ex.Message}; please report it with the command line");
            return ExitCodes.Failure;
        }
    }
}
