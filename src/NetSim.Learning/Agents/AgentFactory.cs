using TorchSharp;
using NetSim.Learning.Training;
using NetSim.Network.Building;
using NetSim.Network.Scheduling;

namespace NetSim.Learning.Agents;

/// <summary>Builds a learning agent by name for a world shape.</summary>
public static class AgentFactory
{
    /// <summary>The agents, with one-line descriptions.</summary>
    public static IReadOnlyList<(string Name, string Description)> Agents { get; } =
    [
        ("actor-critic", "Zhou et al.'s actor-critic offloading agent (Algorithm 1), trained with netsim train"),
        ("ddpg", "single-agent DDPG per device (Wang et al.'s SADDPG): each device learns alone"),
        ("maddpg-mato", "MADDPG-MATO (Wang, Li and Wang): decentralised actors, centralised critics, model-aware"),
        ("maddpg-nomodel", "MADDPG without model awareness (no cache or compatibility inputs)"),
    ];

    /// <summary>True when <paramref name="name"/> is a learning agent.</summary>
    public static bool Knows(string name) => Agents.Any(a => a.Name == name);

    /// <summary>What agent <paramref name="name"/> takes as a policy: the options its reader reads, and a checkpoint.</summary>
    public static PolicyInputs Takes(string name)
    {
        var reader = new OptionReader(name, new Dictionary<string, object?>());
        _ = name switch
        {
            "actor-critic" => (object)ActorCriticOptions.Read(reader),
            _ when Knows(name) => MaddpgOptions.Read(reader),
            _ => throw new ArgumentException($"unknown learning agent '{name}' (known: {string.Join(", ", Agents.Select(a => a.Name))})", nameof(name)),
        };
        return new PolicyInputs(reader.Keys, Checkpoint: true) { CheckCheckpoint = (context, spec) => CheckCheckpoint(name, context, spec) };
    }

    /// <summary>Null when the checkpoint of <paramref name="context"/> loads into agent <paramref name="name"/> for the world of <paramref name="spec"/>; else why not.</summary>
    private static string? CheckCheckpoint(string name, PolicyContext context, WorldSpec spec)
    {
        try
        {
            using var agent = Create(name, context, WorldShape.Of(spec));
            Checkpoint.Load(context.ResolvePath(context.Checkpoint!), agent);
            return null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A cut or foreign file fails anywhere in the reader or in torch: each is a checkpoint that does not fit.
            return ex.Message;
        }
    }

    /// <summary>A fresh agent named <paramref name="name"/> (from <paramref name="context"/>) for <paramref name="shape"/>.</summary>
    /// <remarks>Sets torch to one intra-op thread: the networks are small, and more threads only contend with the simulator.</remarks>
    public static ILearningAgent Create(string name, PolicyContext context, WorldShape shape)
    {
        torch.set_num_threads(1);
        return name switch
        {
            "actor-critic" => new ActorCriticAgent(context, shape.Edges, shape.Cloud),
            "ddpg" => new MaddpgAgent(context, shape, MaddpgVariant.Independent),
            "maddpg-mato" => new MaddpgAgent(context, shape, MaddpgVariant.ModelAware),
            "maddpg-nomodel" => new MaddpgAgent(context, shape, MaddpgVariant.NoModel),
            _ => throw new ArgumentException($"unknown learning agent '{name}' (known: {string.Join(", ", Agents.Select(a => a.Name))})", nameof(name)),
        };
    }
}
