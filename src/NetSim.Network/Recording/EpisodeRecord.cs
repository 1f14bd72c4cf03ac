namespace NetSim.Network.Recording;

/// <summary>One training episode of a learned policy.</summary>
/// <param name="Agent">Agent name, for example <c>maddpg-mato</c>.</param>
/// <param name="Episode">Episode number, from 0.</param>
/// <param name="Reward">Total reward of the episode.</param>
/// <param name="MeanLatency">Mean latency of the episode's completed tasks, seconds (the population of <c>mean_latency</c> in the metric catalog).</param>
/// <param name="LossActor">Mean actor loss over the episode's updates (NaN before learning starts).</param>
/// <param name="LossCritic">Mean critic loss over the episode's updates (NaN before learning starts).</param>
/// <param name="WallSeconds">Wall-clock seconds the episode took.</param>
public readonly record struct EpisodeRecord(string Agent, int Episode, double Reward, double MeanLatency, double LossActor, double LossCritic, double WallSeconds);
