using System.Text;
using System.Text.RegularExpressions;

namespace NetSim.Network.Scenario.Yaml;

/// <summary>Writes a <see cref="Node"/> tree back as block-style YAML (the resolved scenario that runs store and hash).</summary>
public static partial class YamlWriter
{
    /// <summary>The YAML text of <paramref name="root"/>.</summary>
    public static string Write(Node root)
    {
        var sb = new StringBuilder();
        WriteNode(sb, root, 0, inList: false);
        return sb.ToString();
    }

    private static void WriteNode(StringBuilder sb, Node node, int indent, bool inList)
    {
        var pad = new string(' ', indent);
        switch (node.Kind)
        {
            case NodeKind.Scalar:
                sb.Append(Scalar(node)).Append('\n');
                break;
            case NodeKind.Sequence when node.Items.Count == 0:
                sb.Append("[]\n");
                break;
            case NodeKind.Mapping when node.Entries.Count == 0:
                sb.Append("{}\n");
                break;
            case NodeKind.Sequence:
                if (inList)
                {
                    sb.Append('\n');
                }

                foreach (var item in node.Items)
                {
                    sb.Append(pad).Append("- ");
                    WriteChild(sb, item, indent + 2, firstOnLine: true);
                }

                break;
            case NodeKind.Mapping:
                var first = inList;
                foreach (var (key, value) in node.Entries)
                {
                    if (!first)
                    {
                        sb.Append(pad);
                    }

                    first = false;
                    sb.Append(Scalar(key)).Append(':');
                    WriteChild(sb, value, indent + 2, firstOnLine: false);
                }

                break;
        }
    }

    private static void WriteChild(StringBuilder sb, Node value, int indent, bool firstOnLine)
    {
        if (value.Kind == NodeKind.Scalar || value.Items.Count == 0 && value.Entries.Count == 0)
        {
            sb.Append(firstOnLine ? string.Empty : " ");
            WriteNode(sb, value, indent, inList: false);
        }
        else if (value.Kind == NodeKind.Mapping && firstOnLine)
        {
            WriteNode(sb, value, indent, inList: true);
        }
        else
        {
            if (!firstOnLine)
            {
                sb.Append('\n');
            }

            WriteNode(sb, value, indent, inList: false);
        }
    }

    private static string Scalar(Node node)
    {
        var value = node.Value ?? string.Empty;
        if (!node.Quoted && Plain().IsMatch(value))
        {
            return value;
        }

        return "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
    }

    [GeneratedRegex(@"^[A-Za-z0-9_./+\-µ][A-Za-z0-9_./+\- µ]*$")]
    private static partial Regex Plain();
}
