using NetSim.Learning.Environment;
using NetSim.Learning.Training;
using NetSim.Network.Scheduling;

namespace NetSim.Learning.Agents;

/// <summary>
/// A policy that learns. As an <see cref="IPolicy"/> it decides greedily from what it has learned
/// (evaluation); in training, <see cref="Act"/> explores and remembers each epoch's state and
/// action, and <see cref="Observe"/> attaches rewards to those epochs as they settle and learns
/// from every transition that is complete.
/// </summary>
public interface ILearningAgent : IPolicy, IDisposable
{
    /// <summary>The observation and action encodings, with sizes: a checkpoint is valid only for the same text.</summary>
    string Encoding { get; }

    /// <summary>The hyperparameters as <c>key=value</c> text (recorded in checkpoints).</summary>
    string Hyperparameters { get; }

    /// <summary>How training validates the agent to choose the state it keeps (from its options).</summary>
    ValidationPlan Validation { get; }

    /// <summary>The reward of one decision epoch from how its tasks ended (the environment's reward).</summary>
    double Reward(IReadOnlyList<TaskResult> tasks);

    /// <summary>Decides epoch <paramref name="epoch"/> with exploration and remembers it for learning.</summary>
    IReadOnlyList<Assignment> Act(Observation observation, IReadOnlyList<TaskView> batch, int epoch);

    /// <summary>Takes a step's settled rewards (and the end of the episode) and learns from complete transitions.</summary>
    void Observe(StepResult step);

    /// <summary>Mean actor and critic losses since the last call (NaN when no update happened).</summary>
    (double Actor, double Critic) TakeLosses();

    /// <summary>Gradient updates so far.</summary>
    long Updates { get; }

    /// <summary>Called after each training episode (for example to decay exploration).</summary>
    void EndEpisode();

    /// <summary>Writes networks, optimiser states, replay memory, random state and counters.</summary>
    void Save(BinaryWriter writer);

    /// <summary>Restores what <see cref="Save"/> wrote.</summary>
    void Load(BinaryReader reader);
}
