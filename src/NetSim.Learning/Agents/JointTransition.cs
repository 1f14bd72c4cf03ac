namespace NetSim.Learning.Agents;

/// <summary>One epoch of the DDPG agents, waiting for its rewards and the next epoch's observations.</summary>
internal sealed class JointTransition(float[] observation, float[] action)
{
    public float[] Observation { get; } = observation;

    public float[] Action { get; } = action;

    public float[]? Rewards { get; set; }

    public float[]? Next { get; set; }

    public bool Terminal { get; set; }
}
