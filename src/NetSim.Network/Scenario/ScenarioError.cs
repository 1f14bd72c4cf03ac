using NetSim.Network.Scenario.Yaml;

namespace NetSim.Network.Scenario;

/// <summary>One problem in a scenario, located at file, line and column, with the key path.</summary>
/// <param name="Span">Where.</param>
/// <param name="Path">Key path, for example <c>ues.placement.radius</c> (empty at the top).</param>
/// <param name="Message">What is wrong and what was expected.</param>
public sealed record ScenarioError(SourceSpan Span, string Path, string Message)
{
    /// <summary>The most characters of a message shown: each part quoting input is shorter.</summary>
    private const int MaxMessage = 1000;

    /// <summary>
    /// <c>FILE:LINE:COL: key.path: message</c>, with control characters escaped and each part
    /// shortened, whatever input the file name, the path or the message echo.
    /// </summary>
    public override string ToString() =>
        $"{Quote.Text(Span.File, 200)}:{Span.Line}:{Span.Column}: {(Path.Length > 0 ? Quote.Text(Path, 120) : "(top)")}: {Quote.Text(Message, MaxMessage)}";
}
