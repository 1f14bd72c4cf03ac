namespace NetSim.Bench;

/// <summary>What one run of a workload counted.</summary>
/// <param name="Events">Kernel events processed.</param>
/// <param name="Units">What the rate counts (timeouts, customers, tasks).</param>
/// <param name="UnitName">Name of that unit.</param>
/// <param name="Theory">Simulated figures beside their theory values, by name.</param>
internal sealed record WorkloadResult(long Events, long Units, string UnitName, IReadOnlyDictionary<string, double> Theory);
