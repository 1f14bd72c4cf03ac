using System.CommandLine;
using System.Data.Common;
using NetSim.Traces;
using NetSim.Traces.Export;

namespace NetSim.Cli.Commands;

/// <summary><c>netsim export DB --format csv|parquet --out DIR</c>: the tables of a trace database as files for pandas, R or Spark.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var database = new Argument<string>("database") { Description = "trace database" };
        var format = new Option<string>("--format") { Description = "csv (one file per table, and columns.csv with every column's type, unit and meaning) or parquet (typed columns, units in the file's metadata)", Required = true };
        format.AcceptOnlyFromAmong("csv", "parquet");
        var output = new Option<string>("--out") { Description = "folder to write TABLE.csv or TABLE.parquet into (made if missing)", Required = true };
        var tables = new Option<string[]>("--table") { Description = $"a table to export (repeatable; default every table: {string.Join(", ", TraceTables.All.Select(t => t.Name))})", AllowMultipleArgumentsPerToken = false };
        var overwrite = new Option<bool>("--overwrite") { Description = "replace files that exist in the folder" };
        var command = new Command("export", "write the tables of a trace database as CSV or Parquet files, with the types and units of docs/trace-schema.md")
        {
            database, format, output, tables, overwrite,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(database)!;
            var folder = parse.GetValue(output)!;
            if ((Files.CheckInput("database", path) ?? CheckFolder(folder)) is { } error)
            {
                Console.Error.WriteLine($"netsim export: {error}");
                return ExitCodes.BadInput;
            }

            var kind = parse.GetValue(format) == "parquet" ? ExportFormat.Parquet : ExportFormat.Csv;
            using var interruption = new Interruption();
            try
            {
                long total = 0;
                var files = TraceExport.Write(path, kind, folder, parse.GetValue(tables) ?? [], parse.GetValue(overwrite), interruption.Token, file =>
                {
                    total += file.Table == "columns" ? 0 : file.Rows;
                    Console.WriteLine($"{file.Table}: {file.Rows:N0} {(file.Table == "columns" ? "column" : "row")}{(file.Rows == 1 ? string.Empty : "s")} -> {file.Path} ({new FileInfo(file.Path).Length:N0} bytes)");
                });
                Console.WriteLine($"exported {total:N0} rows of {files.Count(f => f.Table != "columns")} tables from {path} as {kind.ToString().ToLowerInvariant()}");
                return ExitCodes.Ok;
            }
            catch (TraceException ex)
            {
                Console.Error.WriteLine($"netsim export: {ex.Message}");
                return ExitCodes.BadInput;
            }
            catch (OperationCanceledException)
            {
                Console.Error.WriteLine($"netsim export: {interruption.Reason}; the files written before it are complete, the one in progress was removed");
                return interruption.ExitCode;
            }
            catch (Exception ex) when (ex is DbException or IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"netsim export: {folder}: cannot be written ({ex.Message})");
                return ExitCodes.Failure;
            }
        });
        return command;
    }

    private static string? CheckFolder(string folder)
    {
        if (folder.Trim().Length == 0)
        {
            return "--out: an empty folder name";
        }

        return File.Exists(folder) ? $"--out {folder}: is a file, not a folder" : null;
    }
}
