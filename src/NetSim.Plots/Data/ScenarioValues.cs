using System.Globalization;
using NetSim.Network.Scenario;
using NetSim.Network.Scenario.Yaml;

namespace NetSim.Plots.Data;

/// <summary>
/// Values read from a run's resolved scenario by key path (<c>ues.count</c>, <c>models.0.size</c>),
/// and <c>count(path)</c> for the number of entries of a list (<c>count(models)</c>).
/// </summary>
public static class ScenarioValues
{
    /// <summary>The value at <paramref name="path"/> in <paramref name="root"/> as text, or null when there is none.</summary>
    public static string? Lookup(Node? root, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.StartsWith("count(", StringComparison.Ordinal) && path.EndsWith(')'))
        {
            var list = Find(root, path[6..^1]);
            return list is { Kind: NodeKind.Sequence } ? list.Items.Count.ToString(CultureInfo.InvariantCulture) : null;
        }

        var node = Find(root, path);
        return node is { Kind: NodeKind.Scalar } && !node.IsNull ? node.Value : null;
    }

    /// <summary>Parses a resolved scenario; null when it does not parse.</summary>
    public static Node? Parse(string? yaml)
    {
        if (yaml is null)
        {
            return null;
        }

        var errors = new List<ScenarioError>();
        var root = YamlReader.Read(yaml, "scenario_yaml", errors);
        return errors.Count == 0 ? root : null;
    }

    private static Node? Find(Node? node, string path)
    {
        foreach (var part in path.Split('.'))
        {
            node = node?.Kind switch
            {
                NodeKind.Mapping => node.Get(part),
                NodeKind.Sequence when int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < node.Items.Count => node.Items[i],
                _ => null,
            };
        }

        return node;
    }
}
