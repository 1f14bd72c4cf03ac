namespace NetSim.Learning.Training;

/// <summary>What a checkpoint says about itself.</summary>
/// <param name="Agent">Agent name.</param>
/// <param name="ScenarioSha256">Hash of the resolved scenario it was trained on.</param>
/// <param name="Encoding">Observation and action encodings, with sizes.</param>
/// <param name="Hyperparameters">The agent's hyperparameters.</param>
/// <param name="RootSeed">Root seed of the training run.</param>
/// <param name="NextEpisode">Episodes completed (the episode a resumed run starts with).</param>
public sealed record CheckpointHeader(string Agent, string ScenarioSha256, string Encoding, string Hyperparameters, ulong RootSeed, int NextEpisode);
