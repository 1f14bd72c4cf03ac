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
                // Let both workers simulate for a while, then send SIGINT as Ctrl-C does.
                var deadline = DateTime.UtcNow.AddSeconds(60);
                while (DateTime.UtcNow < deadline && !System.IO.File.Exists(db))
                {
                    Thread.Sleep(50);
                }

                Thread.Sleep(1500);
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
}
