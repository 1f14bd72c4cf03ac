namespace NetSim.Network.Scenario;

/// <summary>A scenario, or every error that kept it from loading.</summary>
/// <param name="Scenario">The scenario when there is no error.</param>
/// <param name="Errors">Every error found, in file order.</param>
public sealed record ScenarioLoadResult(Scenario? Scenario, IReadOnlyList<ScenarioError> Errors)
{
    /// <summary>True when the scenario loaded.</summary>
    public bool Ok => Scenario is not null && Errors.Count == 0;

    /// <summary>
    /// The errors, one per line, and a closing count; past <see cref="ScenarioLimits.MaxListedErrors"/>
    /// errors the rest are counted (<c>... and N more errors</c>).
    /// </summary>
    public string Report(string file)
    {
        var listed = Errors.Take(ScenarioLimits.MaxListedErrors).Select(e => e.ToString());
        var total = $"{Errors.Count} error{(Errors.Count == 1 ? string.Empty : "s")} in {Quote.Text(file)}";
        return Errors.Count > ScenarioLimits.MaxListedErrors
            ? string.Join('\n', listed) + $"\n... and {Errors.Count - ScenarioLimits.MaxListedErrors} more errors ({total})"
            : string.Join('\n', listed) + $"\n{total}";
    }
}
