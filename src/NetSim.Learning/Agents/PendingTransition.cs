namespace NetSim.Learning.Agents;

/// <summary>A decision epoch's transition while it waits for its reward and the next epoch's state.</summary>
/// <param name="state">The encoded state the agent acted on.</param>
internal abstract class PendingTransition(float[] state)
{
    /// <summary>The encoded state the agent acted on.</summary>
    public float[] State { get; } = state;

    /// <summary>The next epoch's encoded state, once that epoch has been decided.</summary>
    public float[]? Next { get; set; }

    /// <summary>True when the episode ended before a next epoch came.</summary>
    public bool Terminal { get; set; }
}
