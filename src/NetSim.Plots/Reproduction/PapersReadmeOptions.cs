namespace NetSim.Plots.Reproduction;

/// <summary>
/// What tools/reproduce-papers.sh ran, as the README states it: the mode, the whole script's wall
/// time (measured by the script), and the replications and training episodes it used.
/// </summary>
/// <param name="Quick">Whether the script ran with <c>--quick</c>.</param>
/// <param name="ElapsedSeconds">Seconds the whole script took.</param>
/// <param name="Replications">Replications of every evaluated point.</param>
/// <param name="ZhouEpisodes">Actor-critic training episodes on zhou2024, per latency bound.</param>
/// <param name="WangEpisodes">MADDPG/DDPG training episodes on wang2025 at 10 devices.</param>
/// <param name="WangEpisodesOther">The same at the other device counts.</param>
/// <param name="WangDevices">Device counts with trained MADDPG/DDPG agents.</param>
/// <param name="ZhouDdpgEpisodes">DDPG-family training episodes on zhou2024.</param>
/// <param name="WangActorCriticEpisodes">Actor-critic training episodes on wang2025.</param>
/// <param name="Wang2024Episodes">Training episodes of every agent on wang2024.</param>
/// <param name="TrainingSeeds">The seeds every learned agent was trained with.</param>
public sealed record PapersReadmeOptions(
    bool Quick,
    long ElapsedSeconds,
    int Replications,
    int ZhouEpisodes,
    int WangEpisodes,
    int WangEpisodesOther,
    IReadOnlyList<int> WangDevices,
    int ZhouDdpgEpisodes,
    int WangActorCriticEpisodes,
    int Wang2024Episodes,
    IReadOnlyList<int> TrainingSeeds);
