namespace NetSim.Network.Scenario.Yaml;

/// <summary>Where a node was written: file (or <c>--set</c>), line and column, from 1.</summary>
/// <param name="File">File name as the user gave it, or <c>--set</c>.</param>
/// <param name="Line">Line, from 1.</param>
/// <param name="Column">Column, from 1.</param>
public readonly record struct SourceSpan(string File, int Line, int Column)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}:{Line}:{Column}";
}
