namespace NetSim.Learning.Agents;

/// <summary>
/// A device's decision for its task: where it runs and how much of it is offloaded. An edge that
/// lacks the task's model downloads it (Wang, Li and Wang, eq. 7 to 12): the download indicator
/// beta of eq. (17) follows from the target, as no choice can refuse it without dropping the task.
/// </summary>
/// <param name="Target">0 local, 1..K edge k-1, K+1 the cloud (with a cloud).</param>
/// <param name="Ratio">The offloaded fraction in [0, 1] (ignored for local).</param>
internal readonly record struct DeviceDecision(int Target, double Ratio);
