namespace NetSim.Network.Scheduling;

/// <summary>
/// What a policy takes from the scenario's <c>policy:</c> block: the <c>policy.options</c> keys it
/// reads and whether it reads a <c>policy.checkpoint</c>. Every registered policy declares them,
/// and <see cref="PolicyContext.Check"/> refuses anything else, so that no option is silently ignored.
/// </summary>
/// <param name="Options">The option keys the policy reads.</param>
/// <param name="Checkpoint">True when the policy reads a checkpoint file.</param>
public sealed record PolicyInputs(IReadOnlyList<string> Options, bool Checkpoint)
{
    /// <summary>No options and no checkpoint.</summary>
    public static PolicyInputs None { get; } = new([], false);

    /// <summary>
    /// Checks a checkpoint for the policy of a context in the world of a spec before a run: null when
    /// it fits, else why not (not a checkpoint, cut short, of another agent or world). Null when the
    /// policy has no such check.
    /// </summary>
    public Func<PolicyContext, Building.WorldSpec, string?>? CheckCheckpoint { get; init; }

    /// <summary>True when the policy reads option <paramref name="key"/>.</summary>
    public bool Takes(string key) => Options.Contains(key, StringComparer.Ordinal);

    /// <summary>What the policy takes, in words: "the options a, b and a checkpoint", "no options and no checkpoint".</summary>
    public string Describe()
    {
        var options = Options.Count == 0 ? "no options" : $"the option{(Options.Count == 1 ? string.Empty : "s")} {string.Join(", ", Options)}";
        return $"{options} and {(Checkpoint ? "a checkpoint (policy.checkpoint)" : "no checkpoint")}";
    }
}
