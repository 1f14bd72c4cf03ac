using System.Text;
using System.Text.RegularExpressions;

namespace NetSim.Network.Scenario.Yaml;

/// <summary>
/// Writes a <see cref="Node"/> tree back as YAML (the resolved scenario that runs store and hash):
/// block style, with short collections on one line in flow style (<c>center: [0m, 0m]</c>).
/// Scalars stay plain when that is safe and are double-quoted otherwise.
/// </summary>
public static partial class YamlWriter
{
    /// <summary>The widest a flow collection may be written on one line.</summary>
    private const int FlowWidth = 72;

    /// <summary>The YAML text of <paramref name="root"/>.</summary>
    public static string Write(Node root)
    {
        var sb = new StringBuilder();
        if (root.Kind == NodeKind.Mapping && root.Entries.Count > 0)
        {
            Entries(sb, root, 0);
        }
        else if (root.Kind == NodeKind.Sequence && root.Items.Count > 0)
        {
            Items(sb, root, 0);
        }
        else
        {
            sb.Append(Flow(root)).Append('\n');
        }

        return sb.ToString();
    }

    private static void Entries(StringBuilder sb, Node mapping, int indent)
    {
        foreach (var (key, value) in mapping.Entries)
        {
            sb.Append(' ', indent).Append(Scalar(key)).Append(':');
            Value(sb, value, indent + 2);
        }
    }

    private static void Items(StringBuilder sb, Node sequence, int indent)
    {
        foreach (var item in sequence.Items)
        {
            sb.Append(' ', indent).Append('-');
            if (IsInline(item, indent))
            {
                sb.Append(' ').Append(Flow(item)).Append('\n');
                continue;
            }

            var body = new StringBuilder();
            if (item.Kind == NodeKind.Mapping)
            {
                Entries(body, item, indent + 2);
            }
            else
            {
                Items(body, item, indent + 2);
            }

            sb.Append(' ').Append(body.ToString(indent + 2, body.Length - indent - 2));
        }
    }

    private static void Value(StringBuilder sb, Node value, int indent)
    {
        if (IsInline(value, indent))
        {
            sb.Append(' ').Append(Flow(value)).Append('\n');
        }
        else if (value.Kind == NodeKind.Mapping)
        {
            sb.Append('\n');
            Entries(sb, value, indent);
        }
        else
        {
            sb.Append('\n');
            Items(sb, value, indent);
        }
    }

    private static bool IsInline(Node node, int indent) =>
        node.Kind == NodeKind.Scalar || node.Items.Count + node.Entries.Count == 0 || Flow(node).Length <= FlowWidth - indent;

    private static string Flow(Node node) => node.Kind switch
    {
        NodeKind.Scalar => Scalar(node),
        NodeKind.Sequence => "[" + string.Join(", ", node.Items.Select(Flow)) + "]",
        _ => "{" + string.Join(", ", node.Entries.Select(e => $"{Scalar(e.Key)}: {Flow(e.Value)}")) + "}",
    };

    private static string Scalar(Node node)
    {
        var value = node.Value ?? string.Empty;
        if (node.IsNull)
        {
            return "~";
        }

        if (!node.Quoted && Plain().IsMatch(value))
        {
            return value;
        }

        var sb = new StringBuilder("\"");
        foreach (var c in value)
        {
            sb.Append(c switch
            {
                '\\' => "\\\\",
                '"' => "\\\"",
                '\n' => "\\n",
                < ' ' or '\u007f' or '\u0085' or '\u2028' or '\u2029' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return sb.Append('"').ToString();
    }

    /// <summary>Text YAML reads back as the same plain string in block and flow context alike.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9_./+µ][A-Za-z0-9_./+\-µ]*( [A-Za-z0-9_./+\-µ]+)*$")]
    private static partial Regex Plain();
}
