using NetSim.Network.Scenario.Yaml;

namespace NetSim.Network.Scenario;

/// <summary>Where a key path was written, for a message about it.</summary>
internal static class SpanLookup
{
    /// <summary>
    /// The span of <paramref name="path"/>, or of the nearest written key above it (a default is
    /// reported where its section was written), or the top of <paramref name="file"/>.
    /// </summary>
    public static SourceSpan Nearest(IReadOnlyDictionary<string, SourceSpan> spans, string path, string file)
    {
        var at = path;
        while (!spans.ContainsKey(at) && at.Contains('.', StringComparison.Ordinal))
        {
            at = at[..at.LastIndexOf('.')];
        }

        return spans.TryGetValue(at, out var span) ? span : new SourceSpan(file, 1, 1);
    }
}
