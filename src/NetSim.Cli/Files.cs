using System.Data.Common;
using NetSim.Traces;

namespace NetSim.Cli;

/// <summary>Checks of the files a command reads and writes, so that a bad path is a message with exit code 2.</summary>
internal static class Files
{
    /// <summary>EROFS, the errno of a write to a read-only file system (the HResult of its IOException).</summary>
    private const int ReadOnlyFileSystem = 30;

    /// <summary>Null when <paramref name="path"/> (given as <paramref name="what"/>) names a readable file; else why not.</summary>
    public static string? CheckInput(string what, string path)
    {
        if (path.Trim().Length == 0)
        {
            return $"{what}: an empty file name";
        }

        if (Directory.Exists(path))
        {
            return $"{what} {path}: is a directory, not a file";
        }

        return File.Exists(path) ? null : $"{what} {path}: no such file";
    }

    /// <summary>
    /// Null when a file can be written at <paramref name="path"/> (given as <paramref name="what"/>):
    /// not empty, not a directory, in a folder that exists or can be made and that can be written.
    /// </summary>
    public static string? CheckOutput(string what, string path)
    {
        if (path.Trim().Length == 0)
        {
            return $"{what}: an empty file name";
        }

        string folder;
        try
        {
            var full = Path.GetFullPath(path);
            if (Directory.Exists(full) || path.EndsWith('/') || path.EndsWith(Path.DirectorySeparatorChar))
            {
                return $"{what} {path}: is a directory, not a file";
            }

            folder = Path.GetDirectoryName(full) ?? ".";
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return $"{what} {path}: not a file name ({ex.Message})";
        }

        try
        {
            Directory.CreateDirectory(folder);
            using (File.Create(Path.Combine(folder, $".netsim-write-check-{Guid.NewGuid():N}"), 1, FileOptions.DeleteOnClose))
            {
            }

            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var cause = ex switch
            {
                IOException { HResult: ReadOnlyFileSystem } => "is on read-only storage",
                UnauthorizedAccessException => "is not writable by this user",
                _ => "cannot be made or written to",
            };
            return $"{what} {path}: cannot be written (the folder {folder} {cause})";
        }
    }

    /// <summary>
    /// Opens the trace database <paramref name="path"/> (given as <paramref name="what"/>) for
    /// writing, saying which stale runs opening it marked interrupted; null and why when it cannot be.
    /// </summary>
    public static TraceDatabase? OpenDatabase(string what, string path, OpenMode mode, out string? error)
    {
        error = CheckOutput(what, path);
        if (error is not null)
        {
            return null;
        }

        try
        {
            var database = TraceDatabase.Open(path, mode);
            foreach (var run in database.Repaired)
            {
                Console.Error.WriteLine($"netsim: {path}: run {run.RunId} (started {run.StartedAt}) was still marked running, but {run.Why}; marked interrupted");
            }

            return database;
        }
        catch (TraceException ex)
        {
            error = ex.Message;
        }
        catch (Exception ex) when (ex is DbException or IOException or UnauthorizedAccessException)
        {
            error = $"{what} {path}: cannot be opened as a trace database ({ex.Message})";
        }

        return null;
    }
}
