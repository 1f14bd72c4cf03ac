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
    /// <summary>
    /// Cancelled when the run is interrupted: a policy that waits on something outside the
    /// simulation (another process) stops waiting, so that the run can end as interrupted.
    /// </summary>
    public CancellationToken Cancel { get; init; }

    /// <summary><paramref name="file"/> as written in the scenario: relative to its directory unless rooted.</summary>
    public string ResolvePath(string file) => Path.Combine(ScenarioDirectory, file);

    /// <summary>
    /// Throws a <see cref="PolicyException"/> naming the policy, what it was given and what it takes
    /// when the context holds an option or a checkpoint that <paramref name="takes"/> does not list.
    /// </summary>
    public void Check(PolicyInputs takes)
    {
        ArgumentNullException.ThrowIfNull(takes);
        var refused = Options.Keys.Where(k => !takes.Takes(k)).Order(StringComparer.Ordinal).Select(k => $"policy.options.{k}").ToList();
        if (Checkpoint is not null && !takes.Checkpoint)
        {
            refused.Add("policy.checkpoint");
        }

        if (refused.Count > 0)
        {
            throw new PolicyException($"policy {Name} does not take {string.Join(", ", refused)} (it takes {takes.Describe()})");
        }
    }
}
