using NetSim.Learning.Agents;
using NetSim.Network.Scheduling;

namespace NetSim.Learning;

/// <summary>The learned policies, for the command line's registry.</summary>
public static class LearningCatalog
{
    /// <summary>Registers <c>actor-critic</c>, <c>ddpg</c>, <c>maddpg-mato</c> and <c>maddpg-nomodel</c>.</summary>
    public static void AddTo(PolicyRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        foreach (var (name, description) in AgentFactory.Agents)
        {
            registry.Register(name, description + " (policy.checkpoint: a file from netsim train)", AgentFactory.Takes(name), context => new LearnedPolicy(context));
        }
    }
}
