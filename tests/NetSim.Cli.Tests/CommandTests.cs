using NetSim.Network.Recording;
using NetSim.Traces;

namespace NetSim.Cli.Tests;

public class CommandTests
{
    [Fact]
    public void Given_the_quickstart_When_run_Then_it_ends_with_the_summary_and_the_database_path_and_a_complete_run()
    {
        using var netsim = new Netsim();

        var (exit, stdout, stderr) = netsim.Run("run", netsim.Scenario("quickstart.yaml"), "--out", "q.db", "--replications", "2");

        Assert.True(exit == 0, stderr);
        Assert.Contains("Mean latency ", stdout, StringComparison.Ordinal);
        Assert.Contains("(lower", stdout, StringComparison.Ordinal);
        Assert.Contains("completed tasks", stdout, StringComparison.Ordinal);
        Assert.Contains("all created tasks", stdout, StringComparison.Ordinal);
        Assert.Contains("mean ± 95% CI (Student t) over 2 replications", System.Text.RegularExpressions.Regex.Replace(stdout, @"\s+", " "), StringComparison.Ordinal);
        Assert.Contains("q.db", stdout, StringComparison.Ordinal);
        using var reader = new TraceReader(netsim.File("q.db"));
        var runs = reader.Runs();
        Assert.Equal(["complete", "complete"], runs.Select(r => r.Status));
        Assert.NotEqual(runs[0].Seed, runs[1].Seed);
        var tasks = reader.Tasks(runs[0].RunId).ToList();
        Assert.Equal(reader.Summary(runs[0].RunId)["tasks_created"], tasks.Count);
        Assert.All(tasks, t => Assert.Equal(TaskOutcome.Completed, t.Status));
    }

    [Fact]
    public void Given_the_same_seed_twice_Then_the_task_tables_are_identical()
    {
        using var netsim = new Netsim();

        netsim.Run("run", netsim.Scenario("quickstart.yaml"), "--out", "a.db");
        netsim.Run("run", netsim.Scenario("quickstart.yaml"), "--out", "b.db");

        using var a = new TraceReader(netsim.File("a.db"));
        using var b = new TraceReader(netsim.File("b.db"));
        Assert.Equal(a.Tasks(1).ToList(), b.Tasks(1).ToList());
    }

    [Fact]
    public void Given_a_bad_scenario_When_validated_or_run_Then_exit_code_two_with_located_errors()
    {
        using var netsim = new Netsim();
        System.IO.File.WriteAllText(netsim.File("bad.yaml"), "ues:\n  count: -3\nduration: 5MHz\n");

        var validate = netsim.Run("validate", "bad.yaml");
        var run = netsim.Run("run", "bad.yaml");

        Assert.Equal(2, validate.Exit);
        Assert.Contains("bad.yaml:2:10: ues.count: -3 is out of range", validate.Err, StringComparison.Ordinal);
        Assert.Contains("2 errors in bad.yaml", validate.Err, StringComparison.Ordinal);
        Assert.Equal(2, run.Exit);
        Assert.False(System.IO.File.Exists(netsim.File("results/bad.db")));
    }

    [Fact]
    public void Given_a_bad_arrival_trace_Then_run_refuses_it_at_its_line_before_starting_and_writes_no_database()
    {
        using var netsim = new Netsim();
        System.IO.File.WriteAllText(netsim.File("arrivals.csv"), "time,ue\n0.5,0\nsoon,0\n");
        System.IO.File.WriteAllText(netsim.File("trace.yaml"), "ues: {count: 1, arrivals: {kind: trace, file: arrivals.csv}}\n");

        var (exit, _, stderr) = netsim.Run("run", "trace.yaml", "--out", "t.db");

        Assert.Equal(2, exit);
        Assert.Contains("arrivals.csv:3:1", stderr, StringComparison.Ordinal);
        Assert.False(System.IO.File.Exists(netsim.File("t.db")));
    }

    [Fact]
    public void Given_an_existing_database_Then_runs_are_appended_and_overwrite_replaces_them()
    {
        using var netsim = new Netsim();
        var quick = netsim.Scenario("quickstart.yaml");

        netsim.Run("run", quick, "--out", "q.db", "--set", "duration=2s");
        netsim.Run("run", quick, "--out", "q.db", "--set", "duration=2s", "--policy", "local");
        using (var reader = new TraceReader(netsim.File("q.db")))
        {
            Assert.Equal(["nearest", "local"], reader.Runs().Select(r => r.Policy));
        }

        netsim.Run("run", quick, "--out", "q.db", "--set", "duration=2s", "--overwrite");
        using var after = new TraceReader(netsim.File("q.db"));
        Assert.Equal(["nearest"], after.Runs().Select(r => r.Policy));
    }

    [Fact]
    public void Given_an_unknown_policy_or_a_foreign_database_Then_exit_code_two()
    {
        using var netsim = new Netsim();
        System.IO.File.WriteAllText(netsim.File("notes.db"), "these are my notes, not a database; please keep them safe and sound");

        var policy = netsim.Run("run", netsim.Scenario("quickstart.yaml"), "--policy", "magic");
        var foreign = netsim.Run("run", netsim.Scenario("quickstart.yaml"), "--out", "notes.db");

        Assert.Equal(2, policy.Exit);
        Assert.Contains("unknown policy 'magic'", policy.Err, StringComparison.Ordinal);
        Assert.Equal(2, foreign.Exit);
        Assert.Contains("notes.db is not a NetSim trace database", foreign.Err, StringComparison.Ordinal);
        Assert.StartsWith("these are my notes", System.IO.File.ReadAllText(netsim.File("notes.db")), StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_database_When_reported_Then_runs_and_their_summaries_are_listed()
    {
        using var netsim = new Netsim();
        netsim.Run("run", netsim.Scenario("quickstart.yaml"), "--out", "q.db", "--set", "duration=2s");

        var (exit, stdout, _) = netsim.Run("report", "q.db");

        Assert.Equal(0, exit);
        Assert.Contains("complete", stdout, StringComparison.Ordinal);
        Assert.Contains("99th percentile latency", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_two_grid_points_of_one_scenario_and_policy_When_reported_Then_their_tables_have_distinct_titles_naming_the_point()
    {
        using var netsim = new Netsim();
        netsim.Run("run", netsim.Scenario("quickstart.yaml"), "--out", "q.db", "--set", "duration=2s");
        netsim.Run("run", netsim.Scenario("quickstart.yaml"), "--out", "q.db", "--set", "duration=3s");

        var (exit, stdout, _) = netsim.Run("report", "q.db");

        Assert.Equal(0, exit);
        // Titles may wrap on a narrow console; collapsed, each names its grid point.
        var text = System.Text.RegularExpressions.Regex.Replace(stdout, @"\s+", " ");
        // Each group has its summary table and its per-node table, both titled by the group.
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(text, "· per node ·").Count);
        Assert.Equal(4, System.Text.RegularExpressions.Regex.Matches(text, "· policy nearest ·").Count);
        Assert.Contains("· policy nearest · {\"duration\":\"2s\"}", text, StringComparison.Ordinal);
        Assert.Contains("· policy nearest · {\"duration\":\"3s\"}", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_long_run_When_interrupted_with_ctrl_c_Then_it_exits_130_and_is_marked_interrupted_keeping_its_rows()
    {
        using var netsim = new Netsim();
        var db = netsim.File("long.db");

        var (exit, _, stderr) = netsim.Run(
            pid =>
            {
                // Wait until the run has written rows, then send SIGINT as Ctrl-C does.
                var deadline = DateTime.UtcNow.AddSeconds(60);
                while (DateTime.UtcNow < deadline && !(System.IO.File.Exists(db + "-wal") && new FileInfo(db + "-wal").Length > 1_000_000))
                {
                    Thread.Sleep(50);
                }

                using var kill = System.Diagnostics.Process.Start("kill", ["-INT", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                kill.WaitForExit();
            },
            "run",
            netsim.Scenario("quickstart.yaml"),
            "--out",
            "long.db",
            "--set",
            "duration=1000000s",
            "--set",
            "max_time=1000000s");

        Assert.True(exit == 130, $"exit {exit}: {stderr}");
        using var reader = new TraceReader(db);
        var run = Assert.Single(reader.Runs());
        Assert.Equal("interrupted", run.Status);
        Assert.True(run.SimTime is > 0 and < 1_000_000);
        Assert.NotEmpty(reader.Tasks(run.RunId));
    }
}
