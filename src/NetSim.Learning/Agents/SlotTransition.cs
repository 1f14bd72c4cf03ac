namespace NetSim.Learning.Agents;

/// <summary>One slot of the actor-critic agent, waiting for its reward (and the next slot's rows).</summary>
internal sealed class SlotTransition(float[] rows, int[] actions) : PendingTransition(rows)
{
    public int[] Actions { get; } = actions;

    public double? Reward { get; set; }
}
