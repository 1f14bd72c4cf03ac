using NetSim.Kernel.Randomness;
using NetSim.Learning.Agents;
using NetSim.Learning.Environment;
using NetSim.Learning.Training;
using NetSim.Network.Building;
using NetSim.Network.Metrics;
using NetSim.Network.Scheduling;
using NetSim.Policies;
using Xunit.Abstractions;

namespace NetSim.Learning.Tests;

public sealed class BaselineTests(ITestOutputHelper output)
{
    [Fact]
    public void GivenASmallZhouCase_WhenTrainedActorCriticRandomAndGreedyRunTheSameTenUnseenWorlds_ThenActorCriticsMeanLatencyIsLowerThanBothWith95PercentConfidence()
    {
        // Train on 200 episodes of 8 UEs and 20 slots (root 5), evaluate on worlds of another root
        // (unseen), paired by seed: the 95% Student-t interval of (baseline - learned) mean latency
        // must lie above 0, for Zhou et al.'s random and greedy baselines (their Fig. 3 claim). In
        // this world a device needs 167 ms per task against 50 ms slots, so its queue grows, and
        // greedy, blind to queues and to the slot's other uploads, sends the tasks of nearby UEs to
        // the same station; the learned policy spreads them (greedy about 50 ms slower, seen). The
        // latency is over every task of the episode, an unfinished one counted by its age at the end
        // (a lower bound): over completed tasks alone a policy that leaves tasks unfinished looks faster.
        // Untrained, the agent fails: with policy seeds 1 to 5 and no training, greedy minus
        // actor-critic was -178 ± 63, -780 ± 62, -1008 ± 46, -23052 ± 3258 and -1008 ± 46 ms (random
        // minus actor-critic was above 0 for four of the five, so the greedy half is what an
        // untrained agent cannot pass).
        var spec = SmallWorlds.Zhou(8, 20);
        using var agent = AgentFactory.Create("actor-critic", Contexts.For("actor-critic", 11, ("time_scale", "100ms")), WorldShape.Of(spec));
        var trainer = new Trainer(new OffloadingEnvironment(spec, agent.Name, agent.Reward), agent, 5);
        for (var e = 0; e < 200; e++)
        {
            trainer.RunEpisode();
        }

        var baselines = new IPolicy[] { new RandomOffloading(new RandomStream("random", 3)), new GreedyPolicy() };
        foreach (var baseline in baselines)
        {
            var differences = Enumerable.Range(0, 10).Select(i =>
            {
                var seed = RandomStreams.Replication(1234, i);
                return MeanLatency(spec, baseline, seed) - MeanLatency(spec, agent, seed);
            }).ToArray();
            var interval = ConfidenceInterval.Of(differences);
            output.WriteLine($"{baseline.Name} minus actor-critic: {interval.Mean * 1000:F1} ± {interval.HalfWidth * 1000:F1} ms");
            Assert.True(interval.Mean - interval.HalfWidth > 0, $"{baseline.Name} minus actor-critic: {interval.Mean * 1000:F1} ± {interval.HalfWidth * 1000:F1} ms");
        }
    }

    /// <summary>Mean latency of every task of one episode decided by <paramref name="policy"/>, unfinished ones counted by their age at its end.</summary>
    private static double MeanLatency(WorldSpec spec, IPolicy policy, ulong seed) =>
        Rollout.Tasks(spec, policy, seed).Average(t => t.Latency);
}
