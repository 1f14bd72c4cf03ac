using NetSim.Network.Scenario.Yaml;

namespace NetSim.Network.Scenario;

/// <summary>One problem in a scenario, located at file, line and column, with the key path.</summary>
/// <param name="Span">Where.</param>
/// <param name="Path">Key path, for example <c>ues.placement.radius</c> (empty at the top).</param>
/// <param name="Message">What is wrong and what was expected.</param>
public sealed record ScenarioError(SourceSpan Span, string Path, string Message)
{
    /// <summary><c>FILE:LINE:COL: key.path: message</c>.</summary>
    public override string ToString() => $"{Span}: {(Path.Length > 0 ? Path : "(top)")}: {Message}";
}
