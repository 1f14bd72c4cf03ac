namespace NetSim.Learning.Agents;

/// <summary>A device's decision for its task: where it runs, how much of it is offloaded, and whether an edge may fetch a missing model.</summary>
/// <param name="Target">0 local, 1..K edge k-1, K+1 the cloud (with a cloud).</param>
/// <param name="Ratio">The offloaded fraction in [0, 1] (ignored for local).</param>
/// <param name="Download">Whether an edge target downloads the model on a miss.</param>
internal readonly record struct DeviceDecision(int Target, double Ratio, bool Download);
