using System.Globalization;
using NetSim.Network.Scenario;
using NetSim.Network.Scenario.Yaml;

namespace NetSim.Plots.Data;

/// <summary>
/// Values read from a run's resolved scenario by key path (<c>ues.count</c>, <c>models.0.size</c>),
/// <c>count(path)</c> for the number of entries of a list (<c>count(models)</c>), and
/// <c>distinct(path)</c> for the number of different values at a path where <c>*</c> stands for
/// every entry of a list (<c>distinct(ues.task_types.*.model)</c>: the models the tasks need).
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

        if (path.StartsWith("distinct(", StringComparison.Ordinal) && path.EndsWith(')'))
        {
            var values = FindAll(root, path[9..^1]).Where(n => n is { Kind: NodeKind.Scalar, IsNull: false }).Select(n => n.Value!).Distinct(StringComparer.Ordinal).Count();
            return values > 0 ? values.ToString(CultureInfo.InvariantCulture) : null;
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

    /// <summary>The nodes at <paramref name="path"/>, a <c>*</c> part standing for every entry of a list.</summary>
    private static IEnumerable<Node> FindAll(Node? root, string path)
    {
        IEnumerable<Node> nodes = root is null ? [] : [root];
        foreach (var part in path.Split('.'))
        {
            nodes = part == "*"
                ? nodes.Where(n => n.Kind == NodeKind.Sequence).SelectMany(n => n.Items)
                : nodes.Select(n => Find(n, part)).OfType<Node>();
        }

        return nodes;
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
