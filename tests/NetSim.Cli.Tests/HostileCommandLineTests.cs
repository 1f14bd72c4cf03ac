using System.Text.RegularExpressions;

namespace NetSim.Cli.Tests;

/// <summary>
/// Hostile command lines: every one ends with its documented exit code and a message naming the
/// problem, never with a stack trace.
/// </summary>
public partial class HostileCommandLineTests
{
    private const string Quick = "{quickstart}";

    /// <summary>Arguments ({quickstart} for the quickstart scenario), the exit code and a fragment of the message.</summary>
    public static TheoryData<string[], int, string> Lines() => new()
    {
        { ["run", Quick, "--set", "duration"], 2, "'duration' is not key.path=value" },
        { ["run", Quick, "--set", "=3"], 2, "'=3' is not key.path=value" },
        { ["run", Quick, "--set", ""], 2, "'' is not key.path=value" },
        { ["run", Quick, "--set", "nokey=3"], 2, "nokey: unknown key" },
        { ["run", Quick, "--set", "duration=soon"], 2, "duration" },
        { ["run", Quick, "--replications", "abc"], 2, "--replications" },
        { ["run", Quick, "--replications", "0"], 2, "--replications 0: at least 1 expected" },
        { ["run", Quick, "--seed", "-1"], 2, "--seed" },
        { ["run", Quick, "--trace", "everything"], 2, "everything" },
        { ["run", Quick, "--policy", "nope"], 2, "unknown policy 'nope'" },
        { ["run", Quick, "--policy", ""], 2, "unknown policy ''" },
        { ["run", "missing.yaml"], 2, "cannot read missing.yaml: no such file" },
        { ["run", "."], 2, "is a directory" },
        { ["run", Quick, "--set", "duration=1s", "--out", ""], 2, "--out: an empty file name" },
        { ["run", Quick, "--set", "duration=1s", "--out", "."], 2, "--out .: is a directory, not a file" },
        { ["run", Quick, "--set", "duration=1s", "--out", "/proc/x.db"], 2, "--out /proc/x.db: cannot be written" },
        { ["run", Quick, "--policy", "greedy", "--set", "policy.options.speed=2"], 2, "policy greedy does not take policy.options.speed" },
        { ["validate", ""], 2, "cannot read" },
        { ["validate", Quick, "--set", "ues..count=3"], 2, "empty key in the path" },
        { ["validate", Quick, "--set", "policy.checkpoint=x.ckpt"], 2, "--set:1:19: policy.checkpoint: policy nearest does not take a checkpoint" },
        { ["validate", Quick, "--set", "sweep.policies=[nearest, nope]"], 2, "--set:1:26: sweep.policies.1: unknown policy 'nope'" },
        { ["validate", Quick, "--set", "policy={name: actor-critic, checkpoint: /etc/passwd}"], 2, "--set:1:41: policy.checkpoint: " },
        { ["validate", Quick, "--set", "ues.arrivals.interval=1e-20s", "--set", "ues.arrivals.kind=slot"], 2, "--set:1:23: ues.arrivals.interval: ues.count * duration / interval arrivals" },
        { ["report", ""], 2, "database: an empty file name" },
        { ["report", "."], 2, "database .: is a directory, not a file" },
        { ["report", "missing.db"], 2, "missing.db" },
        { ["schema", "--markdown", "yes"], 2, "yes" },
        { ["sweep", Quick, "--jobs", "0"], 2, "--jobs 0: at least 1 expected" },
        { ["sweep", Quick, "--jobs", "many"], 2, "--jobs" },
        { ["sweep", Quick, "--shard", "3/2"], 2, "--shard 3/2" },
        { ["sweep", Quick, "--shard", ""], 2, "--shard" },
        { ["sweep", Quick, "--set", "duration"], 2, "'duration' is not key.path=value" },
        { ["sweep", Quick, "--set", "duration=1s", "--out", "."], 2, "--out .: is a directory, not a file" },
        { ["merge", "", "a.db"], 2, "out: an empty file name" },
        { ["merge", "out.db", "missing.db"], 2, "input missing.db: no such file" },
        { ["merge", "out.db", "."], 2, "input .: is a directory, not a file" },
        { ["merge", ".", "a.db"], 2, "out .: is a directory, not a file" },
        { ["plot", "missing.db", "--kind", "cdf", "--out", "/"], 2, "--out /: expected a .png or .svg file" },
        { ["merge", "out.db"], 2, "Required argument missing for command: 'merge'" },
        { ["plot", "missing.db", "--kind", "cdf", "--filter", "a=1", "--filter", "a=2", "--out", "x.png"], 2, "database missing.db: no such file" },
        { ["plot", "missing.db", "--kind", "cdf", "--out", "x.txt"], 2, "expected a .png or .svg file" },
        { ["plot", "missing.db", "--kind", "cdf", "--filter", "=3", "--out", "x.png"], 2, "--filter =3: expected key.path=value" },
        { ["plot", "missing.db", "--x", "", "--y", "mean_latency", "--out", "x.png"], 2, "--x: an empty value" },
        { ["plot", "missing.db", "--x", "ues.count", "--y", "", "--out", "x.png"], 2, "--y: an empty value" },
        { ["plot", "missing.db", "--kind", "cdf", "--smooth", "0", "--out", "x.png"], 2, "--smooth 0: at least 1 expected" },
        { ["plot", "missing.db", "--kind", "cdf", "--run", "first", "--out", "x.png"], 2, "--run" },
        { ["plot", ".", "--kind", "cdf", "--out", "x.png"], 2, "database .: is a directory, not a file" },
        { ["plot", "", "--kind", "cdf", "--out", "x.png"], 2, "database: an empty file name" },
        { ["train", Quick], 2, "'nearest' is not a learning agent" },
        { ["train", Quick, "--agent", "actor-critic", "--episodes", "0"], 2, "--episodes 0" },
        { ["train", Quick, "--agent", "actor-critic", "--out", "."], 2, "--out .: is a directory, not a file" },
        { ["train", Quick, "--agent", "actor-critic", "--out", "a.ckpt", "--db", "."], 2, "--db .: is a directory, not a file" },
        { ["train", Quick, "--agent", "actor-critic", "--resume", "--out", "absent.ckpt"], 2, "absent.ckpt: no such file" },
        { ["train", Quick, "--agent", "actor-critic", "--set", "policy.options.batch=3"], 2, "policy.options.batch: unknown option for actor-critic" },
        { ["serve", Quick, "--envs", "0"], 2, "--envs 0: expected 1 to 4096" },
        { ["serve", Quick, "--port", "70000"], 2, "--port 70000: expected 0 to 65535" },
        { ["serve", "missing.yaml"], 2, "missing.yaml" },
        { ["serve", Quick, "--set", "policy.options.time_scale=-1"], 2, "policy.options.time_scale" },
        { ["frobnicate"], 2, "frobnicate" },
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public void Given_a_hostile_command_line_Then_the_documented_exit_code_and_a_message_naming_the_problem_and_no_stack_trace(string[] args, int exit, string message)
    {
        using var netsim = new Netsim();
        var quickstart = netsim.Scenario("quickstart.yaml");

        var result = netsim.Run(args.Select(a => a == Quick ? quickstart : a).ToArray());

        var output = result.Out + result.Err;
        Assert.True(exit == result.Exit, $"exit {result.Exit}: {output}");
        Assert.Contains(message, output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.DoesNotMatch(ExceptionName(), output);
    }

    [Fact]
    public void Given_the_same_key_set_twice_When_run_Then_the_later_value_wins()
    {
        using var netsim = new Netsim();

        var (exit, _, err) = netsim.Run("run", netsim.Scenario("quickstart.yaml"), "--set", "duration=3s", "--set", "duration=1s", "--out", "q.db");

        Assert.True(exit == 0, err);
        using var reader = new Traces.TraceReader(netsim.File("q.db"));
        var run = Assert.Single(reader.Runs());
        Assert.Equal("{\"duration\":\"1s\"}", run.Params);
    }

    [Fact]
    public void Given_the_same_key_filtered_twice_When_plotted_Then_the_later_value_wins()
    {
        using var netsim = new Netsim();
        var quick = netsim.Scenario("quickstart.yaml");
        netsim.Run("run", quick, "--set", "duration=1s", "--set", "ues.count=2", "--out", "q.db");
        netsim.Run("run", quick, "--set", "duration=1s", "--set", "ues.count=3", "--out", "q.db");

        var later = netsim.Run("plot", "q.db", "--kind", "cdf", "--filter", "ues.count=7", "--filter", "ues.count=3", "--out", "x.png");
        var absent = netsim.Run("plot", "q.db", "--kind", "cdf", "--filter", "ues.count=3", "--filter", "ues.count=7", "--out", "y.png");

        Assert.True(later.Exit == 0, later.Err);
        Assert.True(File.Exists(netsim.File("x.png")));
        Assert.Equal(2, absent.Exit);
        Assert.Contains("no run has ues.count = 7", absent.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_every_command_When_asked_for_help_Then_the_set_option_says_the_later_value_wins()
    {
        using var netsim = new Netsim();

        foreach (var command in new[] { "run", "validate", "sweep", "train", "serve" })
        {
            var (exit, stdout, _) = netsim.Run(command, "--help");

            Assert.Equal(0, exit);
            Assert.Contains("the later wins", stdout, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex(@"\b\w*Exception\b")]
    private static partial Regex ExceptionName();
}
