namespace NetSim.Learning.Agents;

/// <summary>One slot of the actor-critic agent, waiting for its reward (and the next slot's rows).</summary>
internal sealed class SlotTransition(float[] rows, int[] actions)
{
    public float[] Rows { get; } = rows;

    public int[] Actions { get; } = actions;

    public double? Reward { get; set; }

    public float[]? Next { get; set; }

    public bool Terminal { get; set; }
}
