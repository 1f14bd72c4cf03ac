namespace NetSim.Learning.Environment;

/// <summary>A decision epoch whose every task has ended, with the reward it earned.</summary>
/// <param name="Epoch">The epoch (the environment step, from 0).</param>
/// <param name="Reward">The reward function's value for the epoch's tasks.</param>
/// <param name="Tasks">How each of its tasks ended, in task order.</param>
public sealed record SettledEpoch(int Epoch, double Reward, IReadOnlyList<TaskResult> Tasks);
