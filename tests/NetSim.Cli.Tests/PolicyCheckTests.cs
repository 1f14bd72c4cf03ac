namespace NetSim.Cli.Tests;

/// <summary>A policy is built once before anything runs, so its bad input is exit code 2 and no database.</summary>
public class PolicyCheckTests
{
    [Fact]
    public void Given_a_bad_policy_option_When_run_Then_exit_code_two_names_the_option_and_no_database_is_written()
    {
        using var netsim = new Netsim();

        var (exit, _, err) = netsim.Run("run", netsim.Scenario("quickstart.yaml"), "--policy", "sca-kkt", "--set", "policy.options.tau=abc", "--out", "x.db");

        Assert.Equal(2, exit);
        Assert.Contains("option 'tau': 'abc' is not a finite number > 0", err, StringComparison.Ordinal);
        Assert.False(File.Exists(netsim.File("x.db")));
    }

    [Fact]
    public void Given_a_missing_checkpoint_When_run_Then_exit_code_two_names_the_file()
    {
        using var netsim = new Netsim();

        var (exit, _, err) = netsim.Run("run", netsim.Scenario("quickstart.yaml"), "--policy", "maddpg-mato", "--set", "policy.checkpoint=absent.ckpt", "--out", "x.db");

        Assert.Equal(2, exit);
        Assert.Contains("policy.checkpoint:", err, StringComparison.Ordinal);
        Assert.Contains("absent.ckpt does not exist", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_learned_policy_without_a_checkpoint_When_run_Then_it_runs_and_warns_that_it_is_untrained()
    {
        using var netsim = new Netsim();

        var (exit, _, err) = netsim.Run("run", netsim.Scenario("quickstart.yaml"), "--policy", "actor-critic", "--set", "duration=1s", "--out", "x.db");

        Assert.Equal(0, exit);
        Assert.Contains("warning: policy 'actor-critic' has no policy.checkpoint", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_sweep_whose_grid_point_gives_a_bad_option_When_swept_Then_exit_code_two_names_the_point()
    {
        using var netsim = new Netsim();
        File.WriteAllText(
            netsim.File("s.yaml"),
            $"include: {netsim.Scenario("quickstart.yaml")}\npolicy: sca-kkt\nsweep:\n  parameters:\n    policy.options.tau: [1e5, -1]\n");

        var (exit, _, err) = netsim.Run("sweep", "s.yaml", "--out", "s.db");

        Assert.Equal(2, exit);
        Assert.Contains("at the grid point policy.options.tau=\"-1\": policy sca-kkt: option 'tau'", err, StringComparison.Ordinal);
    }
}
