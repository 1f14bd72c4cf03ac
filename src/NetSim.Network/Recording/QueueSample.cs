namespace NetSim.Network.Recording;

/// <summary>A queue's length just after it changed.</summary>
/// <param name="Node">Node name, for example <c>edge:0</c>, <c>ue:3</c> or <c>cloud</c>.</param>
/// <param name="Time">Simulated time of the change.</param>
/// <param name="Length">Tasks waiting or in service after the change.</param>
public readonly record struct QueueSample(string Node, double Time, int Length);
