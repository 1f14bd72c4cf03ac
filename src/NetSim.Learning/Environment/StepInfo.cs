namespace NetSim.Learning.Environment;

/// <summary>Diagnostics of a step (Gymnasium's info).</summary>
/// <param name="Now">Simulated time, seconds.</param>
/// <param name="Events">Kernel events processed so far.</param>
/// <param name="Created">Tasks created so far.</param>
/// <param name="Completed">Tasks completed so far.</param>
/// <param name="Dropped">Tasks dropped so far.</param>
public readonly record struct StepInfo(double Now, long Events, long Created, long Completed, long Dropped);
