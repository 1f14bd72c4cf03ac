using NetSim.Traces;

namespace NetSim.Cli.Tests;

public class TrainCommandTests
{
    private static string SmallZhou => Path.Combine(Netsim.Root, "tests", "NetSim.Learning.Tests", "Scenarios", "zhou-small.yaml");

    [Fact]
    public void Given_a_small_scenario_When_trained_Then_one_episode_row_per_episode_a_complete_run_and_a_checkpoint()
    {
        using var netsim = new Netsim();

        var (exit, stdout, stderr) = netsim.Run("train", SmallZhou, "--episodes", "6", "--checkpoint-every", "4", "--out", "ac.ckpt", "--db", "t.db");

        Assert.True(exit == 0, stderr);
        Assert.Contains("6 episodes", stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(netsim.File("ac.ckpt")));
        Assert.False(File.Exists(netsim.File("ac.ckpt.tmp")));
        using var reader = new TraceReader(netsim.File("t.db"));
        var run = Assert.Single(reader.Runs());
        Assert.Equal("complete", run.Status);
        Assert.Equal(Enumerable.Range(0, 6), reader.Episodes(run.RunId).Select(e => e.Episode));
        Assert.All(reader.Episodes(run.RunId), e => Assert.Equal("actor-critic", e.Agent));
    }

    [Fact]
    public void Given_training_killed_outright_after_its_first_checkpoint_Then_the_episodes_that_checkpoint_holds_are_in_the_database()
    {
        using var netsim = new Netsim();
        using var process = netsim.Start("train", SmallZhou, "--episodes", "100000", "--checkpoint-every", "2", "--out", "ac.ckpt", "--db", "t.db");
        try
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            while (!File.Exists(netsim.File("ac.ckpt")) && !process.HasExited && watch.Elapsed < TimeSpan.FromSeconds(60))
            {
                Thread.Sleep(20);
            }

            Assert.True(File.Exists(netsim.File("ac.ckpt")), "no checkpoint within 60 s");
        }
        finally
        {
            process.Kill(); // SIGKILL: no handler runs
            process.WaitForExit();
        }

        using var reader = new TraceReader(netsim.File("t.db"));
        var run = Assert.Single(reader.Runs());
        Assert.Equal("running", run.Status);
        Assert.True(reader.Episodes(run.RunId).Count() >= 2, "the episodes before the first checkpoint were lost with the process");
    }

    [Fact]
    public void Given_training_stopped_after_three_episodes_When_resumed_to_six_Then_the_episode_rewards_equal_an_uninterrupted_run_and_each_run_counts_its_own_steps_and_updates()
    {
        using var netsim = new Netsim();

        var whole = netsim.Run("train", SmallZhou, "--episodes", "6", "--out", "whole.ckpt", "--db", "whole.db");
        var first = netsim.Run("train", SmallZhou, "--episodes", "3", "--out", "part.ckpt", "--db", "part.db");
        var rest = netsim.Run("train", SmallZhou, "--episodes", "6", "--out", "part.ckpt", "--db", "part.db", "--resume");

        Assert.True(whole.Exit == 0 && first.Exit == 0 && rest.Exit == 0, whole.Err + first.Err + rest.Err);
        using var a = new TraceReader(netsim.File("whole.db"));
        using var b = new TraceReader(netsim.File("part.db"));
        var uninterrupted = a.Episodes(1).Select(e => (e.Episode, e.Reward)).ToList();
        var resumed = b.Episodes(1).Concat(b.Episodes(2)).Select(e => (e.Episode, e.Reward)).ToList();
        Assert.Equal(uninterrupted, resumed);
        // The two runs' summaries split the uninterrupted run's steps and updates between them.
        foreach (var metric in new[] { "env_steps", "updates" })
        {
            Assert.Equal(a.Summary(1)[metric], b.Summary(1)[metric] + b.Summary(2)[metric]);
            Assert.True(b.Summary(2)[metric] > 0, metric);
        }
    }

    [Fact]
    public void Given_validation_after_every_episode_When_a_training_ends_and_is_resumed_Then_the_chosen_episode_is_logged_and_the_last_state_kept_apart()
    {
        using var netsim = new Netsim();
        string[] validate = ["--set", "policy.options.validate_every=1", "--set", "policy.options.validation_seeds=2"];

        var whole = netsim.Run(["train", SmallZhou, "--episodes", "6", "--out", "whole.ckpt", "--db", "whole.db", .. validate]);
        var first = netsim.Run(["train", SmallZhou, "--episodes", "3", "--out", "part.ckpt", "--db", "part.db", .. validate]);
        var rest = netsim.Run(["train", SmallZhou, "--episodes", "6", "--out", "part.ckpt", "--db", "part.db", "--resume", .. validate]);

        Assert.True(whole.Exit == 0 && first.Exit == 0 && rest.Exit == 0, whole.Err + first.Err + rest.Err);
        using var a = new TraceReader(netsim.File("whole.db"));
        using var b = new TraceReader(netsim.File("part.db"));
        var chosen = (int)a.Summary(1)["chosen_episode"];
        Assert.InRange(chosen, 0, 5);
        Assert.Contains($"the state after episode {chosen} ", whole.Out.ReplaceLineEndings(" "), StringComparison.Ordinal);
        // The last state is kept apart exactly when an earlier one was chosen (--resume continues from it).
        Assert.Equal(chosen != 5, File.Exists(netsim.File("whole.ckpt.last")));
        Assert.Equal((int)b.Summary(2)["chosen_episode"] != 5, File.Exists(netsim.File("part.ckpt.last")));
        // The resumed training continues from the last state, not the chosen one: its rewards are the uninterrupted run's.
        Assert.Equal(a.Episodes(1).Select(e => (e.Episode, e.Reward)), b.Episodes(1).Concat(b.Episodes(2)).Select(e => (e.Episode, e.Reward)));
    }

    [Fact]
    public void Given_a_checkpoint_When_a_scenario_names_it_Then_the_run_uses_it_and_a_checkpoint_of_another_agent_is_refused()
    {
        using var netsim = new Netsim();
        netsim.Run("train", SmallZhou, "--episodes", "2", "--out", "ac.ckpt", "--db", "t.db");

        var ok = netsim.Run("run", SmallZhou, "--set", $"policy.checkpoint={netsim.File("ac.ckpt")}", "--out", "eval.db");
        var wrong = netsim.Run("run", SmallZhou, "--policy", "maddpg-nomodel", "--set", $"policy.checkpoint={netsim.File("ac.ckpt")}", "--out", "wrong.db");

        Assert.True(ok.Exit == 0, ok.Err);
        Assert.Equal(1, wrong.Exit);
        Assert.Contains("trained by agent 'actor-critic', not 'maddpg-nomodel'", wrong.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_policy_that_does_not_learn_or_a_missing_checkpoint_When_trained_Then_exit_code_two()
    {
        using var netsim = new Netsim();

        var notLearning = netsim.Run("train", SmallZhou, "--agent", "nearest", "--episodes", "1", "--db", "t.db");
        var noCheckpoint = netsim.Run("train", SmallZhou, "--episodes", "1", "--out", "none.ckpt", "--db", "t.db", "--resume");
        var badOption = netsim.Run("train", SmallZhou, "--episodes", "1", "--set", "policy.options.entropy=lots", "--db", "t.db");

        Assert.Equal(2, notLearning.Exit);
        Assert.Contains("'nearest' is not a learning agent", notLearning.Err, StringComparison.Ordinal);
        Assert.Equal(2, noCheckpoint.Exit);
        Assert.Contains("--resume", noCheckpoint.Err, StringComparison.Ordinal);
        Assert.Equal(2, badOption.Exit);
        Assert.Contains("policy.options.entropy: 'lots' is not a number", badOption.Err, StringComparison.Ordinal);
    }
}
