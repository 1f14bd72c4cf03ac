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

    [Theory]
    [InlineData("run")]
    [InlineData("sweep")]
    public void Given_a_full_disk_during_a_run_Then_one_line_says_disk_full_naming_the_file_exit_1_and_the_run_is_marked_failed(string command)
    {
        using var netsim = new Netsim();
        // 40 pages of 4 KiB hold the tables but not a minute of the quickstart's task rows: a full disk on demand.
        string[] args = [command, netsim.Scenario("quickstart.yaml"), "--set", "duration=60s", "--out", "full.db", .. command == "sweep" ? ["--jobs", "1"] : Array.Empty<string>()];

        var (exit, stdout, stderr) = netsim.RunUnder(["env", "NETSIM_TRACE_MAX_PAGES=40"], null, args);

        Assert.True(exit == 1, $"exit {exit}: {stderr}");
        Assert.Matches($@"^netsim {command}: full\.db: disk full .* while writing run 1; the run is marked failed[^\n]*\n$", stderr);
        Assert.DoesNotMatch(ExceptionName(), stdout + stderr);
        using var reader = new NetSim.Traces.TraceReader(netsim.File("full.db"));
        var run = reader.Runs()[0];
        Assert.Equal("failed", run.Status);
        Assert.StartsWith("disk full", run.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_second_sweep_started_while_the_first_writes_the_same_database_Then_both_complete_with_distinct_run_ids()
    {
        using var netsim = new Netsim();
        var quickstart = netsim.Scenario("quickstart.yaml");

        // The first sweep plans run ids 1 to 6 and writes them one by one (about a second each);
        // the second plans its runs once the first has written its first run, so their ids are
        // taken while most of the first's are planned but not yet written.
        using var first = netsim.Start("sweep", quickstart, "--set", "duration=600s", "--set", "sweep.replications=6", "--out", "shared.db", "--jobs", "1");
        var waited = Stopwatch.StartNew();
        while (!HasRuns(netsim.File("shared.db")) && !first.HasExited && waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            Thread.Sleep(50);
        }

        var second = netsim.Run("sweep", quickstart, "--set", "duration=2s", "--set", "sweep.replications=2", "--out", "shared.db", "--jobs", "1");
        Assert.True(first.WaitForExit(120_000), "the first sweep finishes");

        Assert.True(second.Exit == 0, second.Err);
        Assert.Equal(0, first.ExitCode);
        using var reader = new NetSim.Traces.TraceReader(netsim.File("shared.db"));
        var runs = reader.Runs();
        Assert.Equal(8, runs.Count);
        Assert.All(runs, r => Assert.Equal("complete", r.Status));
        Assert.Equal(6, runs.Count(r => r.Params.Contains("\"duration\":\"600s\"", StringComparison.Ordinal)));
    }

    [Fact]
    public void Given_a_run_killed_outright_Then_report_names_it_stale_and_the_next_append_marks_it_interrupted()
    {
        using var netsim = new Netsim();
        var quickstart = netsim.Scenario("quickstart.yaml");
        using (var killed = netsim.Start("run", quickstart, "--set", "max_time=1000h", "--set", "duration=1000h", "--out", "k.db"))
        {
            var waited = Stopwatch.StartNew();
            while (!HasRuns(netsim.File("k.db")) && waited.Elapsed < TimeSpan.FromSeconds(60))
            {
                Thread.Sleep(50);
            }

            killed.Kill();
            killed.WaitForExit();
        }

        var report = netsim.Run("report", "k.db");
        var append = netsim.Run("run", quickstart, "--set", "duration=1s", "--out", "k.db");
        var after = netsim.Run("report", "k.db");

        var text = Regex.Replace(report.Out, @"\s+", " ");
        Assert.Equal(0, report.Exit);
        Assert.Matches(@"run 1 \(run key [0-9a-f]+, started \d{4}-[^)]+\) is stale: still marked running, but its writer, process \d+ on [^,]+, is gone: probably left by a killed process; netsim report --repair marks it interrupted", text);
        Assert.True(append.Exit == 0, append.Err);
        Assert.Contains("k.db: run 1 (started ", append.Err, StringComparison.Ordinal);
        Assert.Contains("; marked interrupted", append.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("is stale", after.Out, StringComparison.Ordinal);
        using var reader = new NetSim.Traces.TraceReader(netsim.File("k.db"));
        Assert.Equal(["interrupted", "complete"], reader.Runs().Select(r => r.Status));
    }

    private static bool HasRuns(string path)
    {
        try
        {
            using var reader = new NetSim.Traces.TraceReader(path);
            return reader.Runs().Count > 0;
        }
        catch (Exception ex) when (ex is NetSim.Traces.TraceException or Microsoft.Data.Sqlite.SqliteException)
        {
            return false;
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
