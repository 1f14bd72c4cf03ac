using NetSim.Network.Scheduling;

namespace NetSim.Learning.Environment;

/// <summary>
/// What <see cref="OffloadingEnvironment.Reset"/> and <see cref="OffloadingEnvironment.Step"/>
/// return, in the manner of Gymnasium's (observation, reward, terminated, truncated, info). The
/// reward of an epoch is known only when its tasks end, so a step reports the epochs that settled
/// during it (<see cref="Settled"/>), and <see cref="Reward"/> is the sum of their rewards.
/// </summary>
/// <param name="Epoch">Index of the epoch now awaiting a decision (the next step), or -1 when the episode is over.</param>
/// <param name="Observation">The world at that epoch; valid only until the next step. Null when the episode is over.</param>
/// <param name="Batch">Tasks to decide at that epoch (empty when the episode is over).</param>
/// <param name="Reward">Sum of the rewards of <see cref="Settled"/>.</param>
/// <param name="Settled">Epochs whose tasks all ended during this step (at the end of the episode, every epoch left).</param>
/// <param name="Terminated">The episode ended naturally: arrivals over and every task ended.</param>
/// <param name="Truncated">The episode hit its time limit with tasks alive (they settle as unfinished).</param>
/// <param name="Info">Simulated time, events, tasks created, completed and dropped.</param>
public sealed record StepResult(
    int Epoch,
    Observation? Observation,
    IReadOnlyList<TaskView> Batch,
    double Reward,
    IReadOnlyList<SettledEpoch> Settled,
    bool Terminated,
    bool Truncated,
    StepInfo Info)
{
    /// <summary>True when the episode is over.</summary>
    public bool Done => Terminated || Truncated;
}
