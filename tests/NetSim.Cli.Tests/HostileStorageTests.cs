using System.Diagnostics;
using System.Text.RegularExpressions;

namespace NetSim.Cli.Tests;

/// <summary>
/// Hostile storage: read-only storage, a full disk, several writers of one database, runs left
/// running by killed processes. Each ends with a one-line message naming the file and the cause
/// and a documented exit code, never a stack trace.
/// </summary>
public partial class HostileStorageTests
{
    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Given_a_trace_database_on_read_only_storage_Then_report_plot_and_merge_read_it_and_run_refuses_to_write_there_in_one_line()
    {
        using var netsim = new Netsim();
        Assert.Equal(0, netsim.Run("run", netsim.Scenario("quickstart.yaml"), "--set", "duration=2s", "--out", "t.db").Exit);
        Assert.True(new FileInfo(netsim.File("t.db-wal")) is { Exists: false } or { Length: 0 }, "every row is in t.db");
        var folder = netsim.File("ro");
        Directory.CreateDirectory(folder);
        File.Copy(netsim.File("t.db"), Path.Combine(folder, "t.db"));
        using var storage = ReadOnlyStorage.Make(netsim, folder);

        var report = storage.Run("report", "ro/t.db");
        var plot = storage.Run("plot", "ro/t.db", "--kind", "cdf", "--out", "cdf.png");
        var merge = storage.Run("merge", "merged.db", "ro/t.db");

        Assert.True(report.Exit == 0, $"{storage.How}: {report.Err}");
        Assert.Contains("complete", report.Out, StringComparison.Ordinal);
        Assert.True(plot.Exit == 0, $"{storage.How}: {plot.Err}");
        Assert.True(File.Exists(netsim.File("cdf.png")));
        Assert.True(merge.Exit == 0, $"{storage.How}: {merge.Err}");
        if (storage.RefusesWrites)
        {
            var run = storage.Run("run", netsim.Scenario("quickstart.yaml"), "--set", "duration=1s", "--out", "ro/new.db");
            Assert.True(run.Exit == 2, $"{storage.How}: exit {run.Exit}: {run.Err}");
            Assert.Matches(@"^netsim run: --out ro/new\.db: cannot be written \(the folder .*ro (is on read-only storage|is not writable by this user)\)\n$", run.Err);
            Assert.DoesNotMatch(ExceptionName(), run.Out + run.Err);
        }
    }

    [GeneratedRegex(@"\w+Exception\b|   at ")]
    private static partial Regex ExceptionName();

    /// <summary>
    /// A folder made read-only for the netsim processes the test starts, in the strongest way this
    /// machine allows: its permissions when the tests do not run as root; as root (who ignores
    /// them), a read-only bind mount of it in a user and mount namespace of the netsim process;
    /// where neither is possible, only the reading side is tested, with the -shm path taken by a
    /// dangling symbolic link, which SQLite fails to open just as on read-only storage.
    /// </summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private sealed class ReadOnlyStorage(Netsim netsim, string folder, string[] prefix, bool refusesWrites, string how) : IDisposable
    {
        public bool RefusesWrites => refusesWrites;

        public string How => how;

        public static ReadOnlyStorage Make(Netsim netsim, string folder)
        {
            if (!Environment.IsPrivilegedProcess)
            {
                foreach (var file in Directory.GetFiles(folder))
                {
                    File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
                }

                File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
                return new ReadOnlyStorage(netsim, folder, [], true, "a folder and files without write permission");
            }

            if (Namespaces())
            {
                return new ReadOnlyStorage(netsim, folder, ["unshare", "--map-root-user", "--mount", "sh", "-c", "mount --bind -o ro \"$0\" \"$0\" && exec \"$@\"", folder], true, "a read-only bind mount");
            }

            File.CreateSymbolicLink(Path.Combine(folder, "t.db-shm"), Path.Combine(folder, "absent", "t.db-shm"));
            return new ReadOnlyStorage(netsim, folder, [], false, "an -shm file that cannot be created (root without namespaces)");
        }

        public (int Exit, string Out, string Err) Run(params string[] args) => netsim.RunUnder(prefix, null, args);

        /// <summary>Makes the folder writable again, so that the scratch directory can be deleted.</summary>
        public void Dispose() => File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        private static bool Namespaces()
        {
            try
            {
                using var probe = Process.Start(new ProcessStartInfo("unshare", ["--map-root-user", "--mount", "true"]) { RedirectStandardError = true })!;
                probe.StandardError.ReadToEnd();
                probe.WaitForExit();
                return probe.ExitCode == 0;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return false;
            }
        }
    }
}
