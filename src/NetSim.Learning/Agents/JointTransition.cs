namespace NetSim.Learning.Agents;

/// <summary>One epoch of the DDPG agents, waiting for its rewards and the next epoch's observations.</summary>
internal sealed class JointTransition(float[] observation, float[] action) : PendingTransition(observation)
{
    public float[] Action { get; } = action;

    public float[]? Rewards { get; set; }
}
