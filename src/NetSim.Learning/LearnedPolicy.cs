using NetSim.Learning.Agents;
using NetSim.Learning.Training;
using NetSim.Network.Scheduling;

namespace NetSim.Learning;

/// <summary>
/// A learned agent as an ordinary policy of a run: the agent's networks are sized by the world,
/// so it is built at the first decision epoch (from the observation's shape) and, when the
/// scenario names a checkpoint, loaded from it; decisions are then greedy (no exploration).
/// Without a checkpoint the agent decides with its initial, untrained networks.
/// </summary>
public sealed class LearnedPolicy(PolicyContext context) : IPolicy, IDisposable
{
    private ILearningAgent? _agent;

    /// <inheritdoc />
    public string Name => context.Name;

    /// <summary>The agent, once the first epoch has built it.</summary>
    public ILearningAgent? Agent => _agent;

    /// <inheritdoc />
    public IReadOnlyList<Assignment> Decide(Observation observation, IReadOnlyList<TaskView> batch)
    {
        if (_agent is null)
        {
            _agent = AgentFactory.Create(context.Name, context, WorldShape.Of(observation));
            if (context.Checkpoint is { } file)
            {
                var path = Path.IsPathRooted(file) ? file : Path.Combine(context.ScenarioDirectory, file);
                Checkpoint.Load(path, _agent);
            }
        }

        return _agent.Decide(observation, batch);
    }

    /// <inheritdoc />
    public void Dispose() => _agent?.Dispose();
}
