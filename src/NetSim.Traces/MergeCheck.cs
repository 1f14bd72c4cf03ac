namespace NetSim.Traces;

/// <summary>What a merge would leave out (<see cref="Incomplete"/>) or pool (<see cref="Duplicates"/>), one line each.</summary>
/// <param name="Incomplete">Missing shards and runs that are not complete.</param>
/// <param name="Duplicates">Complete runs with one identity key, and shards given twice.</param>
public sealed record MergeCheck(IReadOnlyList<string> Incomplete, IReadOnlyList<string> Duplicates);
