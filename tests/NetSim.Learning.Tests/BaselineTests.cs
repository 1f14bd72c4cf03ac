using NetSim.Kernel.Randomness;
using NetSim.Learning.Agents;
using NetSim.Learning.Environment;
using NetSim.Learning.Training;
using NetSim.Network.Building;
using NetSim.Network.Metrics;
using NetSim.Network.Scheduling;

namespace NetSim.Learning.Tests;

public sealed class BaselineTests
{
    [Fact]
    public void GivenASmallZhouCase_WhenTrainedActorCriticAndRandomOffloadingRunTheSameTenUnseenWorlds_ThenActorCriticsMeanLatencyIsLowerWith95PercentConfidence()
    {
        // Train on episodes 0..119 of root 5, evaluate on worlds of another root (unseen), paired
        // by seed: the 95% Student-t interval of (random - learned) mean latency must lie above 0.
        var spec = SmallWorlds.Zhou(4, 20);
        using var agent = AgentFactory.Create("actor-critic", Contexts.For("actor-critic", 11, ("time_scale", "100ms")), WorldShape.Of(spec));
        var trainer = new Trainer(new OffloadingEnvironment(spec, agent.Name, agent.Reward), agent, 5);
        for (var e = 0; e < 120; e++)
        {
            trainer.RunEpisode();
        }

        var random = new RandomOffloading(new RandomStream("random", 3));
        var differences = Enumerable.Range(0, 10).Select(i =>
        {
            var seed = RandomStreams.Replication(1234, i);
            return MeanLatency(spec, random, seed) - MeanLatency(spec, agent, seed);
        }).ToArray();
        var interval = ConfidenceInterval.Of(differences);
        Assert.True(interval.Mean - interval.HalfWidth > 0, $"random minus actor-critic: {interval.Mean * 1000:F1} ± {interval.HalfWidth * 1000:F1} ms");
    }

    /// <summary>Mean latency of completed tasks of one episode decided by <paramref name="policy"/>.</summary>
    private static double MeanLatency(WorldSpec spec, IPolicy policy, ulong seed)
    {
        var env = new OffloadingEnvironment(spec, policy.Name, _ => 0);
        var step = env.Reset(seed);
        var latencies = new List<double>();
        while (true)
        {
            latencies.AddRange(step.Settled.SelectMany(s => s.Tasks).Where(t => t.Completed).Select(t => t.Latency));
            if (step.Done)
            {
                return latencies.Average();
            }

            step = env.Step(policy.Decide(step.Observation!, step.Batch));
        }
    }
}
