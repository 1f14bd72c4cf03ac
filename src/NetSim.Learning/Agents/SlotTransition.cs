namespace NetSim.Learning.Agents;

/// <summary>One slot of the actor-critic agent, waiting for its tasks' rewards (and the next slot's rows).</summary>
/// <param name="rows">The tasks' feature rows, in batch order.</param>
/// <param name="actions">The action taken for each task.</param>
/// <param name="taskIds">Each row's task.</param>
internal sealed class SlotTransition(float[] rows, int[] actions, long[] taskIds) : PendingTransition(rows)
{
    public int[] Actions { get; } = actions;

    public long[] TaskIds { get; } = taskIds;

    /// <summary>Minus each task's cost, in row order, once the slot has settled.</summary>
    public float[]? Rewards { get; set; }
}
