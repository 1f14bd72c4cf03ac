using System.CommandLine;
using NetSim.Network.Scenario;
using NetSim.Network.Scenario.Binding;
using NetSim.Network.Scenario.Config;
using NetSim.Network.Scenario.Yaml;

namespace NetSim.Cli;

/// <summary>The <c>--set key.path=value</c> overrides of the commands that load a scenario.</summary>
internal static class Overrides
{
    /// <summary>The scenario keys that hold file paths (<c>policy.checkpoint</c>, <c>ues.arrivals.file</c>).</summary>
    private static readonly HashSet<string> PathKeys = Declared.Walk(typeof(ScenarioConfig))
        .Where(k => k.Key.Param.IsPath && !k.Path.Contains("[]", StringComparison.Ordinal))
        .Select(k => k.Path)
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>The <c>--set</c> option; <paramref name="what"/> says what it overrides.</summary>
    public static Option<string[]> Option(string what = "override a value") => new("--set")
    {
        Description = $"{what}: key.path=value (repeatable; of two --set of one key the later wins; a relative file path, as in policy.checkpoint=FILE, is relative to the working directory)",
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>
    /// <paramref name="overrides"/> with every relative file path (a <c>--set</c> of a path key such
    /// as <c>policy.checkpoint</c>) taken relative to the working directory, as any command-line tool
    /// does, and rewritten relative to the folder of <paramref name="scenarioFile"/>, against which the
    /// loader resolves the scenario's paths. Everything else is left for the loader to check.
    /// </summary>
    public static string[] ResolvePaths(string scenarioFile, IReadOnlyList<string> overrides)
    {
        string folder;
        try
        {
            folder = Path.GetDirectoryName(Path.GetFullPath(scenarioFile)) ?? Directory.GetCurrentDirectory();
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return [.. overrides];
        }

        return overrides.Select(o => ResolvePath(o, folder)).ToArray();
    }

    /// <summary>The overrides as key and value texts; of two overrides of one key the later wins, in the place of the first.</summary>
    public static List<KeyValuePair<string, string>> Values(IEnumerable<string> overrides)
    {
        var values = new List<KeyValuePair<string, string>>();
        foreach (var parts in overrides.Select(o => o.Split('=', 2)))
        {
            var key = parts[0].Trim();
            var value = parts.Length > 1 ? parts[1] : string.Empty;
            var at = values.FindIndex(v => v.Key == key);
            if (at >= 0)
            {
                values[at] = new(key, value);
            }
            else
            {
                values.Add(new(key, value));
            }
        }

        return values;
    }

    private static string ResolvePath(string text, string folder)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals < 0 || !PathKeys.Contains(text[..equals].Trim()))
        {
            return text;
        }

        var errors = new List<ScenarioError>();
        var node = YamlReader.Read(text[(equals + 1)..], "--set", errors);
        if (errors.Count > 0 || node is not { Kind: NodeKind.Scalar } || node.IsNull || node.Value!.Trim().Length == 0)
        {
            return text;
        }

        try
        {
            if (Path.IsPathRooted(node.Value))
            {
                return text;
            }

            var relative = Path.GetRelativePath(folder, Path.GetFullPath(node.Value)).Replace('\\', '/');
            return $"{text[..equals]}={YamlWriter.Write(Node.Scalar(node.Span, relative, node.Quoted)).TrimEnd('\n')}";
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return text;
        }
    }
}
