using NetSim.Network.Metrics;
using NetSim.Plots.Reproduction;

namespace NetSim.Plots.Tests.Reproduction;

public sealed class PapersReadmeTests : IDisposable
{
    private static readonly PapersReadmeOptions Options = new(Quick: true, ElapsedSeconds: 754, Replications: 3, ZhouEpisodes: 20, WangEpisodes: 12, WangEpisodesOther: 8, WangDevices: [5, 10], ZhouDdpgEpisodes: 12, WangActorCriticEpisodes: 30, Wang2024Episodes: 50, TrainingSeeds: [1, 2]);

    private readonly PapersWorkDir _work = new();
    private readonly string _readme;

    public PapersReadmeTests() => _readme = PapersReadme.Write(_work.Path, Options);

    public void Dispose() => _work.Dispose();

    [Fact]
    public void Given_the_fixture_work_dir_Then_the_readme_matches_the_committed_snapshot()
    {
        if (Environment.GetEnvironmentVariable("NETSIM_UPDATE_REFERENCE") == "1")
        {
            File.WriteAllText(Path.Combine(ReproductionRuns.Root, "tests", "NetSim.Plots.Tests", "Snapshots", "papers-readme.md"), _readme);
        }

        var snapshot = Path.Combine(AppContext.BaseDirectory, "Snapshots", "papers-readme.md");
        Assert.True(File.ReadAllText(snapshot).ReplaceLineEndings("\n") == _readme, "the papers README snapshot is out of date: read the difference, then run this test with NETSIM_UPDATE_REFERENCE=1 and commit it");
    }

    [Fact]
    public void Given_the_fixture_Then_the_readme_holds_no_machine_path_or_date()
    {
        Assert.DoesNotContain(_work.Path, _readme, StringComparison.Ordinal);
        Assert.DoesNotContain(Path.GetTempPath(), _readme, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\d{4}-\d{2}-\d{2}", _readme);
    }

    [Fact]
    public void Given_two_policies_on_common_replications_Then_the_paired_difference_and_its_student_t_half_width_are_the_hand_computed_ones()
    {
        // MATO minus NoModel = 0.2, 0.3, 0.2 s: mean 0.7/3, sample sd sqrt(((0.2-m)^2 * 2 + (0.3-m)^2) / 2), t(0.975, 2).
        var d = PapersWorkDir.MatrixMato.Zip(PapersWorkDir.MatrixNoModel, (a, b) => a - b).ToArray();
        var mean = 0.7 / 3;
        var halfWidth = StudentT.HalfWidth(StudentT.Df2, d);
        Assert.Equal(0.143422, halfWidth, 5);

        Assert.Contains($"paired by replication: +{MetricText.Number(mean)} ± {MetricText.Number(halfWidth)} s (higher with 95% confidence, 3 replications).", _readme, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_an_interval_containing_zero_Then_the_difference_is_reported_as_a_tie()
    {
        // Fig. 4 at 5 devices MADDPG-MATO leaves tasks unfinished, so the comparison is over all created
        // tasks (its latency + 0.5 s in the fixture): +1.0, +0.1, +0.7 s, mean 0.6, half-width
        // t(0.975, 2) * s / sqrt(3) = 1.138 > 0.6.
        var d = PapersWorkDir.Fig4Mato5.Zip(PapersWorkDir.Fig4NoModel5, (a, b) => a + 0.5 - b).ToArray();
        Assert.Equal(0.6, d.Average(), 12);
        var halfWidth = StudentT.HalfWidth(StudentT.Df2, d);
        Assert.True(halfWidth > d.Average());

        Assert.Contains($"devices 5: +{MetricText.Number(d.Average())} ± {MetricText.Number(halfWidth)} s (no difference NetSim can resolve, 3 replications, over all created tasks", _readme, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_lower_policy_at_one_n_and_a_tie_at_the_other_Then_the_claim_names_each_n_instead_of_every_n()
    {
        // The actor-critic against optimal: a tie at N = 10 (-0.005, +0.002, +0.001), lower at N = 40.
        Assert.Contains("against the per-slot optimum: lower at N = 40 (1 of 2); no difference NetSim can resolve at N = 10 (1 of 2)", _readme, StringComparison.Ordinal);
        Assert.Contains("against greedy's: lower at every N (95% confidence, paired by replication), as the paper shows", _readme, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_training_seeds_that_disagree_Then_the_comparison_depends_on_the_seed_and_the_cell_gives_the_per_seed_range()
    {
        // Fig. 4 at 10 devices, replication r: MADDPG-MATO seed 1 = 2.0 * 1.2 * (1 + 0.05 r) s, seed 2 = 0.8 of
        // that; MADDPG-NoModel (both seeds) = 1.85 * 1.2 * (1 + 0.05 r). Seed 1 minus NoModel = +0.18 (1 + 0.05 r):
        // higher; seed 2 minus NoModel = -0.30 (1 + 0.05 r): lower. Pooled, each replication's MATO value is the
        // mean of the two seeds, 1.8 * 1.2 * (1 + 0.05 r), so the pooled difference is -0.06 (1 + 0.05 r), lower on
        // its own: a pooled verdict would claim MATO lower, which only one seed supports.
        var factor = new[] { 1.0, 1.05, 1.1 };
        var pooled = factor.Select(f => (((2.0 + (2.0 * PapersWorkDir.Fig4MatoSeed2)) / 2) - 1.85) * 1.2 * f).ToArray();
        var halfWidth = StudentT.HalfWidth(StudentT.Df2, pooled);
        Assert.True(pooled.Average() + halfWidth < 0);
        Assert.Contains($"devices 10: {MetricText.Number(pooled.Average())} ± {MetricText.Number(halfWidth)} s (lower with 95% confidence, 3 replications; by training seed: seed 1 higher; seed 2 lower)", _readme, StringComparison.Ordinal);
        Assert.Contains("depends on the training seed at device count = 10 (1 of 2) (device count 10: seed 1 higher; seed 2 lower)", _readme, StringComparison.Ordinal);

        var seedOne = 2.0 * 1.2 * factor.Average();
        var seedTwo = seedOne * PapersWorkDir.Fig4MatoSeed2;
        var mean = factor.Select(f => 1.8 * 1.2 * f).ToArray();
        Assert.Contains($"| 10 | {MetricText.Number(mean.Average())} ± {MetricText.Number(StudentT.HalfWidth(StudentT.Df2, mean))} [{MetricText.Number(seedTwo)} to {MetricText.Number(seedOne)}] |", _readme, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_fig3_runs_Then_the_papers_gain_stands_beside_netsims_mean_over_model_counts_of_the_per_replication_ratio()
    {
        // Fig. 3, replication r, k = 1.01 with 3 models and 1 with 6: MADDPG-MATO 2.0 (1 + 0.05 r) k s, NoModel
        // 1.85 (1 + 0.05 r) k s; each replication's gain is the mean over the two counts of MATO / NoModel - 1.
        var gains = Enumerable.Range(0, 3).Select(r => new[] { 1.01, 1.0 }.Select(k => ((2.0 * (1 + (0.05 * r)) * k / (1.85 * (1 + (0.05 * r)) * k)) - 1) * 100).Average()).ToArray();
        Assert.Equal((2.0 / 1.85 - 1) * 100, gains.Average(), 9);
        Assert.Contains($"latency, paper -6.98%, NetSim\n+{MetricText.Number(gains.Average())} ± {MetricText.Number(StudentT.HalfWidth(StudentT.Df2, gains))}% (3 replications)", _readme, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_training_rewards_Then_the_final_level_is_first_reached_at_the_hand_counted_episode_from_1()
    {
        // Rewards: five at -100, then fifteen at -5. The last tenth (2 episodes) averages -5; the ten
        // episodes ending at episode 15 (counted from 1) are the first ten all at -5. First ten: (5 * -100 + 5 * -5) / 10.
        Assert.Contains("| actor-critic | 20 | -52.5 | -5.0 | episode 15 | 0.135 | 10 |", _readme, StringComparison.Ordinal);
        Assert.Contains("| maddpg-nomodel | 8 | -396.5 | -393.0 | undefined (fewer than 10 episodes) |", _readme, StringComparison.Ordinal);
        Assert.Contains("| ddpg | 12 | -455.0 | -390.0 | never (still improving at the end) |", _readme, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_policy_that_leaves_tasks_unfinished_Then_its_cell_gives_the_completion_rate_and_the_all_tasks_lower_bound()
    {
        // Random at N = 40: 30, 33, 36 s over completed tasks, 100, 101, 102 s over all created tasks, 20% completed.
        var completed = $"{MetricText.Number(33_000)} ± {MetricText.Number(StudentT.HalfWidth(StudentT.Df2, 30_000, 33_000, 36_000))}";
        var all = $"{MetricText.Number(101_000)} ± {MetricText.Number(StudentT.HalfWidth(StudentT.Df2, 100_000, 101_000, 102_000))}";
        var actorCritic = $"{MetricText.Number(132)} ± {MetricText.Number(StudentT.HalfWidth(StudentT.Df2, 130, 132, 134))}";
        var greedy = $"{MetricText.Number(440)} ± {MetricText.Number(StudentT.HalfWidth(StudentT.Df2, 400, 450, 470))}";
        Assert.Contains($"| 40 | {actorCritic} | {greedy} | {completed}; all tasks ≥ {all}; 20 ± 0 % completed |", _readme, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_comparison_with_a_policy_that_leaves_tasks_unfinished_Then_it_says_it_uses_all_created_tasks()
    {
        Assert.Contains("[over all created tasks, a lower bound, at device count = 5, as tasks are left unfinished there]", _readme, StringComparison.Ordinal);
    }
}
