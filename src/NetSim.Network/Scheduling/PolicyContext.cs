namespace NetSim.Network.Scheduling;

/// <summary>What a policy is built from.</summary>
/// <param name="Name">The policy name as the scenario or command line gave it.</param>
/// <param name="Random">The policy's own random stream (named <c>policy</c>).</param>
/// <param name="Options">The scenario's <c>policy.options</c> map (empty when absent).</param>
/// <param name="Checkpoint">Checkpoint file for learned policies, or null.</param>
/// <param name="ScenarioDirectory">Directory of the scenario file, for resolving relative paths.</param>
public sealed record PolicyContext(
    string Name,
    Random Random,
    IReadOnlyDictionary<string, object?> Options,
    string? Checkpoint,
    string ScenarioDirectory)
{
    /// <summary><paramref name="file"/> as written in the scenario: relative to its directory unless rooted.</summary>
    public string ResolvePath(string file) => Path.Combine(ScenarioDirectory, file);
}
