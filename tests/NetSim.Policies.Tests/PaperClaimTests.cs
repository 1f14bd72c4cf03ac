using NetSim.Network.Metrics;
using NetSim.Policies.Tests.Support;

namespace NetSim.Policies.Tests;

/// <summary>
/// The papers' orderings on their own scenarios, as claims with 95% confidence over replications
/// paired by seed (replication r of every policy has the same UE positions and tasks; only the
/// decisions differ). A claim holds when the Student-t 95% interval of the mean paired difference
/// lies wholly above zero. Runs are shortened to keep the test fast.
/// </summary>
public class PaperClaimTests
{
    private const int Replications = 8;

    private static double[] Latencies(string policy, string[] overrides, int replications)
    {
        var scenario = ScenarioRuns.Load(Path.Combine("papers", "zhou2024", "zhou2024.yaml"), overrides);
        return Enumerable.Range(0, replications).Select(r =>
        {
            var (run, recorder) = ScenarioRuns.Run(scenario, policy, r);
            return ScenarioRuns.MeanLatencyLowerBound(run, recorder);
        }).ToArray();
    }

    private static ConfidenceInterval PairedGain(double[] worse, double[] better) =>
        ConfidenceInterval.Of(worse.Zip(better, (w, b) => w - b));

    [Fact]
    public void Given_zhou2024_at_40_UEs_When_least_latency_greedy_and_random_run_paired_by_seed_Then_least_latency_beats_greedy_and_greedy_beats_random()
    {
        // Five 1 s slots of 40 tasks; the hard stop bounds random, whose far uploads hardly move
        // under interference (its unfinished tasks count their age at the stop, a lower bound,
        // which can only make random look better than it is).
        string[] overrides = ["ues.count=40", "duration=5s", "max_time=60s"];
        var least = Latencies("least-latency", overrides, Replications);
        var greedy = Latencies("greedy", overrides, Replications);
        var random = Latencies("random", overrides, Replications);

        var overGreedy = PairedGain(greedy, least);
        var overRandom = PairedGain(random, greedy);
        var detail = $"means (s): least-latency {least.Average():F4}, greedy {greedy.Average():F4}, random {random.Average():F4}";
        Assert.True(overGreedy.Mean - overGreedy.HalfWidth > 0, $"greedy - least-latency = {overGreedy.Mean:F4} +- {overGreedy.HalfWidth:F4} s; {detail}");
        Assert.True(overRandom.Mean - overRandom.HalfWidth > 0, $"random - greedy = {overRandom.Mean:F4} +- {overRandom.HalfWidth:F4} s; {detail}");
    }

    [Fact]
    public void Given_wang2025_When_greedy_compatible_and_random_run_paired_by_seed_Then_the_model_aware_policy_downloads_fewer_models()
    {
        var scenario = ScenarioRuns.Load(Path.Combine("papers", "wang2025", "wang2025.yaml"), "duration=30s", "max_time=120s");
        var downloads = (string policy) => Enumerable.Range(0, Replications)
            .Select(r => (double)ScenarioRuns.Run(scenario, policy, r).Run.World.Downloads)
            .ToArray();
        var compatible = downloads("greedy-compatible");
        var random = downloads("random");

        var fewer = PairedGain(random, compatible);
        Assert.True(fewer.Mean - fewer.HalfWidth > 0, $"random - greedy-compatible downloads = {fewer.Mean:F2} +- {fewer.HalfWidth:F2} (random [{string.Join(", ", random)}], greedy-compatible [{string.Join(", ", compatible)}])");
    }
}
