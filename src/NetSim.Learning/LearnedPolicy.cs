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
public sealed class LearnedPolicy : IPolicy, IDisposable
{
    private readonly PolicyContext _context;
    private ILearningAgent? _agent;

    /// <summary>
    /// A policy for <paramref name="context"/>; its options are checked now (by building the agent
    /// for a one-device world with a throwaway random stream), so that a bad option fails before the run.
    /// </summary>
    public LearnedPolicy(PolicyContext context)
    {
        _context = context;
        using var probe = AgentFactory.Create(context.Name, context with { Random = new Kernel.Randomness.RandomStream("options-check", 0) }, new WorldShape(1, 1, false, false));
    }

    /// <inheritdoc />
    public string Name => _context.Name;

    /// <summary>The agent, once the first epoch has built it.</summary>
    public ILearningAgent? Agent => _agent;

    /// <inheritdoc />
    public IReadOnlyList<Assignment> Decide(Observation observation, IReadOnlyList<TaskView> batch)
    {
        if (_agent is null)
        {
            _agent = AgentFactory.Create(_context.Name, _context, WorldShape.Of(observation));
            if (_context.Checkpoint is { } file)
            {
                Checkpoint.Load(_context.ResolvePath(file), _agent);
            }
        }

        return _agent.Decide(observation, batch);
    }

    /// <inheritdoc />
    public void Dispose() => _agent?.Dispose();
}
