using System.Diagnostics;
using NetSim.Kernel.Randomness;
using NetSim.Learning.Agents;
using NetSim.Learning.Environment;
using NetSim.Network.Recording;

namespace NetSim.Learning.Training;

/// <summary>
/// Trains an agent on an environment, one episode at a time. Episode e runs on the world of seed
/// <see cref="RandomStreams.Replication"/>(<see cref="TrainingRoot"/>(root), e): the same worlds on
/// every run, so a run resumed at episode e from a checkpoint sees what an uninterrupted one would,
/// and never the worlds of the replications that <c>netsim run</c> evaluates with the same root. Measures the time spent in the simulator apart
/// from the time spent in the agent.
/// </summary>
public sealed class Trainer(OffloadingEnvironment environment, ILearningAgent agent, ulong rootSeed)
{
    /// <summary>The next episode to run (set it when resuming).</summary>
    public int Episode { get; set; }

    /// <summary>Root seed.</summary>
    public ulong RootSeed { get; } = rootSeed;

    /// <summary>Environment steps taken so far.</summary>
    public long EnvironmentSteps { get; private set; }

    /// <summary>Wall-clock seconds spent in the simulator (reset and step).</summary>
    public double SimulatorSeconds { get; private set; }

    /// <summary>Wall-clock seconds spent training in all.</summary>
    public double TotalSeconds { get; private set; }

    /// <summary>The root of the training episodes' world seeds for root seed <paramref name="rootSeed"/> (a stream apart from the replications').</summary>
    public static ulong TrainingRoot(ulong rootSeed) => RandomStreams.SeedOf(rootSeed, "train/episodes");

    /// <summary>The root of the held-out validation worlds' seeds for root seed <paramref name="rootSeed"/> (apart from the training episodes' and the replications').</summary>
    public static ulong ValidationRoot(ulong rootSeed) => RandomStreams.SeedOf(rootSeed, "train/validation");

    /// <summary>
    /// The agent's mean return (the sum of its epochs' rewards in an episode) over
    /// <paramref name="seeds"/> held-out worlds, deciding greedily and learning nothing; the same
    /// worlds at every call. Counted in <see cref="TotalSeconds"/>.
    /// </summary>
    public double Validate(int seeds)
    {
        var wall = Stopwatch.StartNew();
        var total = 0.0;
        for (var i = 0; i < seeds; i++)
        {
            var step = environment.Reset(RandomStreams.Replication(ValidationRoot(RootSeed), i));
            while (true)
            {
                total += step.Reward;
                if (step.Done)
                {
                    break;
                }

                step = environment.Step(agent.Decide(step.Observation!, step.Batch));
            }
        }

        TotalSeconds += wall.Elapsed.TotalSeconds;
        return total / seeds;
    }

    /// <summary>Runs one training episode and returns its row.</summary>
    public EpisodeRecord RunEpisode()
    {
        var wall = Stopwatch.StartNew();
        var sim = new Stopwatch();
        var reward = 0.0;
        var latencySum = 0.0;
        var latencyCount = 0;
        sim.Start();
        var step = environment.Reset(RandomStreams.Replication(TrainingRoot(RootSeed), Episode));
        sim.Stop();
        while (true)
        {
            Tally(step, ref reward, ref latencySum, ref latencyCount);
            agent.Observe(step);
            if (step.Done)
            {
                break;
            }

            var action = agent.Act(step.Observation!, step.Batch, step.Epoch);
            sim.Start();
            step = environment.Step(action);
            sim.Stop();
            EnvironmentSteps++;
        }

        agent.EndEpisode();
        var (actor, critic) = agent.TakeLosses();
        var seconds = wall.Elapsed.TotalSeconds;
        SimulatorSeconds += sim.Elapsed.TotalSeconds;
        TotalSeconds += seconds;
        var record = new EpisodeRecord(agent.Name, Episode, reward, latencyCount > 0 ? latencySum / latencyCount : double.NaN, actor, critic, seconds);
        Episode++;
        return record;
    }

    private static void Tally(StepResult step, ref double reward, ref double latencySum, ref int latencyCount)
    {
        reward += step.Reward;
        foreach (var epoch in step.Settled)
        {
            foreach (var task in epoch.Tasks)
            {
                if (task.Completed)
                {
                    latencySum += task.Latency;
                    latencyCount++;
                }
            }
        }
    }
}
