using NetSim.Traces;

namespace NetSim.Cli.Tests;

public class SweepCommandTests
{
    /// <summary>Two grid points, two policies, two replications: eight short runs of the quickstart.</summary>
    private static string Scenario(Netsim netsim, string sweep = "  parameters:\n    ues.count: [2, 3]\n  policies: [local, nearest]\n  replications: 2\n")
    {
        var text = $"include: {netsim.Scenario("quickstart.yaml")}\nduration: 1s\nsweep:\n{sweep}";
        System.IO.File.WriteAllText(netsim.File("sweep.yaml"), text);
        return "sweep.yaml";
    }

    [Fact]
    public void Given_a_sweep_When_run_with_one_and_with_two_jobs_Then_every_row_is_identical()
    {
        using var netsim = new Netsim();
        var scenario = Scenario(netsim);

        var one = netsim.Run("sweep", scenario, "--jobs", "1", "--out", "one.db", "--trace", "full");
        var two = netsim.Run("sweep", scenario, "--jobs", "2", "--out", "two.db", "--trace", "full");

        Assert.True(one.Exit == 0, one.Err);
        Assert.True(two.Exit == 0, two.Err);
        var rows = Tables.Rows(netsim.File("one.db"));
        Assert.Equal(rows, Tables.Rows(netsim.File("two.db")));
        using var reader = new TraceReader(netsim.File("one.db"));
        var runs = reader.Runs();
        Assert.Equal(8, runs.Count);
        Assert.All(runs, r => Assert.Equal("complete", r.Status));
        Assert.Equal(["{\"ues.count\":\"2\"}", "{\"ues.count\":\"3\"}"], runs.Select(r => r.Params).Distinct());
        Assert.Contains("Mean latency", one.Out, StringComparison.Ordinal);
        Assert.Contains("completed tasks", one.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_three_shards_When_merged_Then_the_database_equals_the_unsharded_sweep_row_for_row()
    {
        using var netsim = new Netsim();
        var scenario = Scenario(netsim);

        var whole = netsim.Run("sweep", scenario, "--out", "whole.db", "--trace", "full");
        for (var i = 0; i < 3; i++)
        {
            var shard = netsim.Run("sweep", scenario, "--shard", $"{i}/3", "--out", $"shard{i}.db", "--trace", "full");
            Assert.True(shard.Exit == 0, shard.Err);
        }

        var merge = netsim.Run("merge", "merged.db", "shard0.db", "shard1.db", "shard2.db");

        Assert.True(whole.Exit == 0, whole.Err);
        Assert.True(merge.Exit == 0, merge.Err);
        using (var first = new TraceReader(netsim.File("shard0.db")))
        {
            Assert.Equal(2, first.Runs().Count);
        }

        Assert.Equal(Tables.Rows(netsim.File("whole.db")), Tables.Rows(netsim.File("merged.db")));
    }

    [Fact]
    public void Given_a_sweep_Then_replication_r_gives_every_policy_the_same_task_arrivals_and_sizes()
    {
        using var netsim = new Netsim();
        var (exit, _, stderr) = netsim.Run("sweep", Scenario(netsim), "--out", "crn.db");

        Assert.True(exit == 0, stderr);
        using var reader = new TraceReader(netsim.File("crn.db"));
        var arrivals = reader.Runs().ToLookup(r => (r.Params, r.Replication), r => (r.Policy, Tasks: reader.Tasks(r.RunId).Select(t => (t.TaskId, t.Ue, t.Created, t.SizeBits)).ToList()));
        Assert.Equal(4, arrivals.Count);
        foreach (var group in arrivals)
        {
            var byPolicy = group.ToList();
            Assert.Equal(["local", "nearest"], byPolicy.Select(p => p.Policy));
            Assert.NotEmpty(byPolicy[0].Tasks);
            Assert.Equal(byPolicy[0].Tasks, byPolicy[1].Tasks);
        }

        var replication0 = arrivals[("{\"ues.count\":\"2\"}", 0)].First().Tasks;
        var replication1 = arrivals[("{\"ues.count\":\"2\"}", 1)].First().Tasks;
        Assert.NotEqual(replication0, replication1);
    }

    [Fact]
    public void Given_a_bad_sweep_block_Then_exit_code_two_with_the_error_at_its_line_and_column()
    {
        using var netsim = new Netsim();
        var unknownKey = Scenario(netsim, "  parameters:\n    ues.cuont: [2, 3]\n");
        var keyRun = netsim.Run("sweep", unknownKey, "--out", "bad.db");
        var badValue = Scenario(netsim, "  parameters:\n    ues.count: [2, -3]\n");
        var valueRun = netsim.Run("sweep", badValue, "--out", "bad.db");
        var unknownPolicy = Scenario(netsim, "  policies: [nearest, telepathy]\n");
        var policyRun = netsim.Run("sweep", unknownPolicy, "--out", "bad.db");
        var shardRun = netsim.Run("sweep", Scenario(netsim), "--shard", "3/3", "--out", "bad.db");

        Assert.Equal(2, keyRun.Exit);
        Assert.Contains("sweep.yaml:5:5: sweep.parameters.ues.cuont: unknown key path (did you mean ues.count?)", keyRun.Err, StringComparison.Ordinal);
        Assert.Equal(2, valueRun.Exit);
        Assert.Contains("sweep.yaml:5:20: sweep.parameters.ues.count: -3 is out of range", valueRun.Err, StringComparison.Ordinal);
        Assert.Equal(2, policyRun.Exit);
        Assert.Contains("sweep.policies: unknown policy 'telepathy'", policyRun.Err, StringComparison.Ordinal);
        Assert.Equal(2, shardRun.Exit);
        Assert.Contains("--shard 3/3", shardRun.Err, StringComparison.Ordinal);
        Assert.False(System.IO.File.Exists(netsim.File("bad.db")));
    }

    [Fact]
    public void Given_a_sweep_database_When_plotted_Then_a_png_is_written_and_a_figure_missing_its_policies_exits_two_naming_them()
    {
        using var netsim = new Netsim();
        netsim.Run("sweep", Scenario(netsim), "--out", "s.db");

        var plot = netsim.Run("plot", "s.db", "--x", "ues.count", "--y", "mean_latency", "--out", "latency.png");
        var missing = netsim.Run("plot", "s.db", "--figure", "zhou2024-fig3", "--out", "fig3.png");
        var unknown = netsim.Run("plot", "s.db", "--figure", "nobody-fig1", "--out", "x.png");

        Assert.True(plot.Exit == 0, plot.Err);
        Assert.True(new FileInfo(netsim.File("latency.png")).Length > 0);
        Assert.Equal(2, missing.Exit);
        Assert.Contains("'actor-critic' (Proposed actor-critic (Zhou et al.))", missing.Err, StringComparison.Ordinal);
        Assert.False(System.IO.File.Exists(netsim.File("fig3.png")));
        Assert.Equal(2, unknown.Exit);
        Assert.Contains("unknown figure 'nobody-fig1'", unknown.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_long_sweep_When_interrupted_with_ctrl_c_Then_it_exits_130_and_the_started_runs_are_kept_as_interrupted()
    {
        using var netsim = new Netsim();
        var scenario = Scenario(netsim);
        var db = netsim.File("long.db");

        var (exit, _, stderr) = netsim.Run(
            pid =>
            {
                // Wait until both workers have runs with tasks in the database (however loaded the
                // machine), then send SIGINT as Ctrl-C does.
                var deadline = DateTime.UtcNow.AddSeconds(120);
                while (DateTime.UtcNow < deadline && RunsWithTasks(db) < 2)
                {
                    Thread.Sleep(100);
                }

                using var kill = System.Diagnostics.Process.Start("kill", ["-INT", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                kill.WaitForExit();
            },
            "sweep",
            scenario,
            "--jobs",
            "2",
            "--out",
            "long.db",
            "--set",
            "duration=1000000s",
            "--set",
            "max_time=1000000s");

        Assert.True(exit == 130, $"exit {exit}: {stderr}");
        using var reader = new TraceReader(db);
        var runs = reader.Runs();
        Assert.Equal(2, runs.Count);
        Assert.All(runs, r => Assert.Equal("interrupted", r.Status));
        Assert.All(runs, r => Assert.NotEmpty(reader.Tasks(r.RunId)));
    }

    /// <summary>Runs of the database at <paramref name="path"/> with at least one task written, 0 while it cannot be read yet.</summary>
    private static int RunsWithTasks(string path)
    {
        if (!System.IO.File.Exists(path))
        {
            return 0;
        }

        try
        {
            using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(DISTINCT run_id) FROM tasks";
            return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return 0;
        }
    }

    [Fact]
    public void Given_a_sweep_killed_with_sigkill_at_random_moments_When_resumed_Then_it_equals_an_uninterrupted_sweep_row_for_row()
    {
        using var netsim = new Netsim();
        var scenario = Scenario(netsim);
        string[] longer = ["--set", "duration=300s", "--trace", "full"];
        var whole = netsim.Run(["sweep", scenario, "--out", "whole.db", .. longer]);
        Assert.True(whole.Exit == 0, whole.Err);

        // Each attempt is killed once one or two more runs have tasks in the database than when it
        // started (however fast or loaded the machine), so the first attempt, which starts from
        // nothing, is cut short inside a run, and later ones at a random point of their progress.
        const int seed = 20261204;
        var random = new Random(seed);
        var resumed = netsim.File("resumed.db");
        var killed = 0;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var target = RunsWithTasks(resumed) + random.Next(1, 3);
            using var process = netsim.Start(["sweep", scenario, "--resume", "--out", "resumed.db", .. longer]);
            var deadline = DateTime.UtcNow.AddSeconds(120);
            while (!process.HasExited && RunsWithTasks(resumed) < target && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(10);
            }

            if (!process.HasExited)
            {
                process.Kill(); // SIGKILL
                killed++;
            }

            process.WaitForExit();
        }

        var last = netsim.Run(["sweep", scenario, "--resume", "--out", "resumed.db", .. longer]);

        Assert.True(last.Exit == 0, $"seed {seed}: {last.Err}");
        Assert.True(killed > 0, $"seed {seed}: no attempt was killed");
        Assert.Equal(Tables.Rows(netsim.File("whole.db")), Tables.Rows(netsim.File("resumed.db")));
    }

    [Fact]
    public void Given_a_complete_sweep_When_run_again_into_its_database_Then_it_is_refused_and_resume_runs_nothing()
    {
        using var netsim = new Netsim();
        var scenario = Scenario(netsim);
        Assert.Equal(0, netsim.Run("sweep", scenario, "--out", "s.db").Exit);

        var again = netsim.Run("sweep", scenario, "--out", "s.db");
        var resumed = netsim.Run("sweep", scenario, "--out", "s.db", "--resume");

        Assert.Equal(2, again.Exit);
        Assert.Contains("8 of this sweep's 8 runs are already complete", again.Err, StringComparison.Ordinal);
        Assert.True(resumed.Exit == 0, resumed.Err);
        // The console wraps long lines: compare without white space.
        Assert.Contains("8completeins.db,0torun", string.Concat(resumed.Out.Where(c => !char.IsWhiteSpace(c))), StringComparison.Ordinal);
        using var reader = new TraceReader(netsim.File("s.db"));
        Assert.Equal(8, reader.Runs().Count);
    }

    [Fact]
    public void Given_a_complete_run_When_the_same_run_is_appended_Then_it_is_refused_and_a_new_seed_is_not()
    {
        using var netsim = new Netsim();
        var scenario = Scenario(netsim);
        Assert.Equal(0, netsim.Run("run", scenario, "--out", "r.db").Exit);

        var same = netsim.Run("run", scenario, "--out", "r.db");
        var other = netsim.Run("run", scenario, "--out", "r.db", "--seed", "7");

        Assert.Equal(2, same.Exit);
        Assert.Contains("replication 0 of nearest on this scenario is already complete in r.db (run 1", same.Err, StringComparison.Ordinal);
        Assert.True(other.Exit == 0, other.Err);
        using var reader = new TraceReader(netsim.File("r.db"));
        Assert.Equal(2, reader.Runs().Count);
    }

    [Fact]
    public void Given_shards_When_one_is_missing_given_twice_from_another_sweep_or_not_complete_Then_merge_exits_two_naming_each_and_allow_incomplete_merges_the_rest()
    {
        using var netsim = new Netsim();
        var scenario = Scenario(netsim);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(0, netsim.Run("sweep", scenario, "--shard", $"{i}/3", "--out", $"shard{i}.db").Exit);
        }

        Assert.Equal(0, netsim.Run("sweep", scenario, "--shard", "1/3", "--set", "sweep.replications=3", "--out", "foreign.db").Exit);
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={netsim.File("partial.db")};Pooling=False"))
        {
            System.IO.File.Copy(netsim.File("shard2.db"), netsim.File("partial.db"));
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE runs SET status = 'interrupted' WHERE run_id = (SELECT MAX(run_id) FROM runs)";
            command.ExecuteNonQuery();
        }

        var missing = netsim.Run("merge", "m1.db", "shard0.db", "shard2.db");
        var twice = netsim.Run("merge", "m2.db", "shard0.db", "shard1.db", "shard1.db", "shard2.db");
        var foreign = netsim.Run("merge", "m3.db", "shard0.db", "foreign.db", "shard2.db");
        var partial = netsim.Run("merge", "m4.db", "shard0.db", "shard1.db", "partial.db");
        var allowed = netsim.Run("merge", "m5.db", "shard0.db", "shard1.db", "partial.db", "--allow-incomplete");

        Assert.Equal(2, missing.Exit);
        Assert.Contains("shard 1 of 3 missing", missing.Err, StringComparison.Ordinal);
        Assert.Equal(2, twice.Exit);
        Assert.Contains("is the same experiment as run id", twice.Err, StringComparison.Ordinal);
        Assert.Equal(2, foreign.Exit);
        Assert.Contains("shard 1 of 3 missing (or a shard of another sweep was given in its place)", foreign.Err, StringComparison.Ordinal);
        Assert.Contains("shards 0, 2 of 3 missing", foreign.Err, StringComparison.Ordinal);
        Assert.Equal(2, partial.Exit);
        Assert.Contains("partial.db: run 7 of shard 2/3 (nearest, ues.count=3, replication 1) is interrupted", partial.Err, StringComparison.Ordinal);
        Assert.False(System.IO.File.Exists(netsim.File("m4.db")));
        Assert.True(allowed.Exit == 0, allowed.Err);
        Assert.Contains("run 7 of shard 2/3 (nearest, ues.count=3, replication 1) is interrupted", allowed.Err, StringComparison.Ordinal);
        using var reader = new TraceReader(netsim.File("m5.db"));
        Assert.Equal(7, reader.Runs().Count);
        Assert.All(reader.Runs(), r => Assert.Equal("complete", r.Status));
    }
}
