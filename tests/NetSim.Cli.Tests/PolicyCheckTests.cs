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

    [Fact]
    public void Given_a_checkpoint_for_a_policy_that_takes_none_When_run_Then_exit_code_two_names_the_policy_and_what_it_takes()
    {
        using var netsim = new Netsim();

        var (exit, _, err) = netsim.Run("run", netsim.Scenario("papers/zhou2024/zhou2024.yaml"), "--set", "policy.checkpoint=X", "--set", "duration=1s", "--out", "x.db");

        Assert.Equal(2, exit);
        Assert.Contains("policy greedy does not take policy.checkpoint (it takes no options and no checkpoint)", err, StringComparison.Ordinal);
        Assert.False(File.Exists(netsim.File("x.db")));
    }

    [Fact]
    public void Given_an_option_the_policy_does_not_take_When_run_Then_exit_code_two_names_the_policy_and_the_options_it_takes()
    {
        using var netsim = new Netsim();

        var greedy = netsim.Run("run", netsim.Scenario("quickstart.yaml"), "--policy", "greedy", "--set", "policy.options.time_limit=1s", "--out", "x.db");
        var learned = netsim.Run("run", netsim.Scenario("quickstart.yaml"), "--policy", "actor-critic", "--set", "policy.options.batch=8", "--out", "x.db");

        Assert.Equal(2, greedy.Exit);
        Assert.Contains("policy greedy does not take policy.options.time_limit (it takes no options and no checkpoint)", greedy.Err, StringComparison.Ordinal);
        Assert.Equal(2, learned.Exit);
        Assert.Contains("policy actor-critic does not take policy.options.batch (it takes the options actor_lr, cost_clip, critic_lr, discount, drop_penalty, energy_scale, energy_weight, entropy, hidden, penalty, team_credit, time_scale, validate_every, validation_seeds and a checkpoint", learned.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_sweep_whose_policies_share_options_Then_an_option_one_policy_takes_runs_and_one_none_takes_is_exit_code_two()
    {
        using var netsim = new Netsim();
        File.WriteAllText(
            netsim.File("s.yaml"),
            $"include: {netsim.Scenario("quickstart.yaml")}\nduration: 1s\nues: {{count: 2}}\nsweep:\n  policies: [local, exhaustive]\n  replications: 1\n");

        var taken = netsim.Run("sweep", "s.yaml", "--set", "policy.options.deadline=hard", "--out", "a.db");
        var untaken = netsim.Run("sweep", "s.yaml", "--set", "policy.options.deadline=hard", "--set", "policy.options.speed=2", "--out", "b.db");

        Assert.True(taken.Exit == 0, taken.Err);
        Assert.Equal(2, untaken.Exit);
        Assert.Contains("no policy of the sweep takes policy.options.speed (local takes no options and no checkpoint; exhaustive takes the options deadline, deadline_penalty and no checkpoint)", untaken.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_relative_checkpoint_in_set_When_run_from_another_folder_than_the_scenario_Then_it_is_found_relative_to_the_working_directory()
    {
        using var netsim = new Netsim();
        var trained = netsim.Run("train", netsim.Scenario("quickstart.yaml"), "--agent", "actor-critic", "--episodes", "1", "--set", "duration=1s", "--out", "checkpoints/ac.ckpt", "--db", "train.db");
        Directory.CreateDirectory(netsim.File("scenarios"));
        File.WriteAllText(netsim.File("scenarios/s.yaml"), $"include: {netsim.Scenario("quickstart.yaml")}\nduration: 1s\npolicy: actor-critic\n");
        File.WriteAllText(netsim.File("scenarios/named.yaml"), $"include: {netsim.Scenario("quickstart.yaml")}\nduration: 1s\npolicy: {{name: actor-critic, checkpoint: ../checkpoints/ac.ckpt}}\n");

        var fromSet = netsim.Run("run", "scenarios/s.yaml", "--set", "policy.checkpoint=checkpoints/ac.ckpt", "--out", "a.db");
        var fromFile = netsim.Run("run", "scenarios/named.yaml", "--out", "b.db");

        Assert.True(trained.Exit == 0, trained.Err);
        Assert.True(fromSet.Exit == 0, fromSet.Err);
        Assert.DoesNotContain("untrained", fromSet.Err, StringComparison.Ordinal);
        Assert.True(fromFile.Exit == 0, fromFile.Err);
        Assert.DoesNotContain("untrained", fromFile.Err, StringComparison.Ordinal);
    }
}
