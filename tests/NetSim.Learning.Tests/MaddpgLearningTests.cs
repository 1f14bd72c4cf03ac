using NetSim.Kernel.Randomness;
using NetSim.Learning.Agents;
using NetSim.Learning.Environment;
using NetSim.Learning.Training;
using NetSim.Network.Building;
using NetSim.Network.Metrics;
using NetSim.Network.Policies;
using NetSim.Network.Scenario;
using NetSim.Network.Scheduling;

namespace NetSim.Learning.Tests;

public sealed class MaddpgLearningTests
{
    [Fact]
    public void GivenASmallWang2025World_WhenMaddpgMatoTrains_ThenOnTenUnseenWorldsItsMeanLatencyIsBelowAllLocalsByAFifthWith95PercentConfidence()
    {
        // wang2025 with 3 devices (120 s of arrivals, the paper's servers, cloud, six models and
        // partial offloading). Train 40 episodes with root 1000 (about 5 s), evaluate greedily on
        // the replications of root 1 (unseen), paired by seed with the all-local policy: the
        // 95% Student-t interval of (local - learned) mean latency must lie above a fifth of local's
        // mean latency. With these fixed seeds local takes 7.8 s and the trained agent 1.5 s (the
        // interval's lower end is 4.4 s against a 1.6 s margin); an all-local or nearly all-local
        // policy, as the first version of these agents learned, fails, while the slack allows for
        // torch summing in another order on another machine.
        var spec = SmallWang(3);
        using var agent = AgentFactory.Create("maddpg-mato", Contexts.For("maddpg-mato", 11, Options), WorldShape.Of(spec));
        var trainer = new Trainer(new OffloadingEnvironment(spec, agent.Name, agent.Reward), agent, 1000);
        for (var e = 0; e < Episodes; e++)
        {
            trainer.RunEpisode();
        }

        var local = new LocalPolicy();
        var pairs = Enumerable.Range(0, 10).Select(i =>
        {
            var seed = RandomStreams.Replication(1, i);
            return (Local: MeanLatency(spec, local, seed), Learned: MeanLatency(spec, agent, seed));
        }).ToArray();
        var interval = ConfidenceInterval.Of(pairs.Select(p => p.Local - p.Learned));
        var margin = 0.2 * pairs.Average(p => p.Local);
        Assert.True(interval.Mean - interval.HalfWidth > margin, $"local {pairs.Average(p => p.Local):F2} s, learned {pairs.Average(p => p.Learned):F2} s, local minus learned {interval.Mean:F2} ± {interval.HalfWidth:F2} s, margin {margin:F2} s");
    }

    private const int Episodes = 40;

    private static (string, object?)[] Options => [("time_scale", "1s"), ("batch", "128")];

    /// <summary>The shipped wang2025 scenario with <paramref name="devices"/> devices.</summary>
    private static WorldSpec SmallWang(int devices)
    {
        var file = Path.Combine(Repository.Scenarios, "papers", "wang2025", "wang2025.yaml");
        var loaded = ScenarioLoader.Load(file, [$"ues.count={devices}"]);
        Assert.True(loaded.Ok, loaded.Report(file));
        return ScenarioMapper.ToSpec(loaded.Scenario!, 1);
    }

    /// <summary>Mean latency of the tasks of one episode decided by <paramref name="policy"/> (every task ends: the scenario drains).</summary>
    private static double MeanLatency(WorldSpec spec, IPolicy policy, ulong seed) =>
        Rollout.Tasks(spec, policy, seed).Average(t => t.Latency);
}
