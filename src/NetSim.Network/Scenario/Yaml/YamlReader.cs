using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace NetSim.Network.Scenario.Yaml;

/// <summary>
/// Reads YAML text into <see cref="Node"/> trees with positions, from YamlDotNet's event parser.
/// Syntax errors, duplicate keys, non-scalar keys, several documents and tags other than YAML's
/// own are reported as located errors; aliases are expanded to copies of their anchored node.
/// </summary>
public static class YamlReader
{
    /// <summary>Parses <paramref name="text"/> written in <paramref name="file"/>; null when it could not be read at all.</summary>
    public static Node? Read(string text, string file, List<ScenarioError> errors)
    {
        var parser = new Parser(new StringReader(text));
        var anchors = new Dictionary<string, Node>(StringComparer.Ordinal);
        Node? root = null;
        try
        {
            parser.Consume<StreamStart>();
            if (parser.TryConsume<DocumentStart>(out _))
            {
                root = parser.Accept<DocumentEnd>(out _) ? null : ReadNode(parser, file, anchors, errors, path: string.Empty);
                parser.Consume<DocumentEnd>();
                if (parser.Accept<DocumentStart>(out var second))
                {
                    errors.Add(new ScenarioError(Span(file, second.Start), string.Empty, "a scenario file holds one YAML document (found a second '---')"));
                }
            }
        }
        catch (YamlException ex)
        {
            var message = ex.InnerException?.Message ?? ex.Message;
            var start = message.IndexOf("): ", StringComparison.Ordinal);
            errors.Add(new ScenarioError(Span(file, ex.Start), string.Empty, $"YAML syntax: {(start >= 0 ? message[(start + 3)..] : message)}"));
            return null;
        }

        return root ?? Node.Mapping(new SourceSpan(file, 1, 1));
    }

    private static SourceSpan Span(string file, Mark mark) => new(file, (int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));

    private static Node ReadNode(IParser parser, string file, Dictionary<string, Node> anchors, List<ScenarioError> errors, string path)
    {
        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            if (anchors.TryGetValue(alias.Value.Value, out var anchored))
            {
                return anchored.Clone();
            }

            errors.Add(new ScenarioError(Span(file, alias.Start), path, $"unknown alias *{alias.Value.Value}"));
            return Node.Scalar(Span(file, alias.Start), string.Empty);
        }

        var ev = parser.Current!;
        var span = Span(file, ev.Start);
        Node node;
        AnchorName anchor;
        switch (ev)
        {
            case Scalar scalar:
                parser.MoveNext();
                CheckTag(scalar.Tag, span, path, errors);
                node = Node.Scalar(span, scalar.Value, scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted);
                anchor = scalar.Anchor;
                break;
            case SequenceStart sequence:
                parser.MoveNext();
                CheckTag(sequence.Tag, span, path, errors);
                node = Node.Sequence(span);
                while (!parser.TryConsume<SequenceEnd>(out _))
                {
                    node.Items.Add(ReadNode(parser, file, anchors, errors, $"{path}.{node.Items.Count}".TrimStart('.')));
                }

                anchor = sequence.Anchor;
                break;
            case MappingStart mapping:
                parser.MoveNext();
                CheckTag(mapping.Tag, span, path, errors);
                node = Node.Mapping(span);
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    var key = ReadNode(parser, file, anchors, errors, path);
                    var keyText = key.Kind == NodeKind.Scalar ? key.Value! : "?";
                    var childPath = path.Length == 0 ? keyText : $"{path}.{keyText}";
                    var value = ReadNode(parser, file, anchors, errors, childPath);
                    if (key.Kind != NodeKind.Scalar)
                    {
                        errors.Add(new ScenarioError(key.Span, path, "a key must be a plain name, not a list or mapping"));
                        continue;
                    }

                    if (node.Get(keyText) is { } first)
                    {
                        var firstKey = node.Entries.First(e => e.Key.Value == keyText).Key;
                        errors.Add(new ScenarioError(key.Span, childPath, $"duplicate key (first given at line {firstKey.Span.Line}); the first value {Describe(first)} would be lost"));
                        continue;
                    }

                    node.Entries.Add((key, value));
                }

                anchor = mapping.Anchor;
                break;
            default:
                throw new YamlException(ev.Start, ev.End, $"unexpected {ev.GetType().Name}");
        }

        if (!anchor.IsEmpty)
        {
            anchors[anchor.Value] = node;
        }

        return node;
    }

    private static string Describe(Node node) => node.Kind == NodeKind.Scalar ? $"'{node.Value}'" : $"(a {node.Kind.ToString().ToLowerInvariant()})";

    private static void CheckTag(TagName tag, SourceSpan span, string path, List<ScenarioError> errors)
    {
        if (tag.IsEmpty || tag.IsNonSpecific)
        {
            return;
        }

        var name = tag.Value;
        if (name is "tag:yaml.org,2002:str" or "tag:yaml.org,2002:int" or "tag:yaml.org,2002:float" or "tag:yaml.org,2002:bool"
            or "tag:yaml.org,2002:null" or "tag:yaml.org,2002:seq" or "tag:yaml.org,2002:map")
        {
            return;
        }

        errors.Add(new ScenarioError(span, path, $"tag {name} is not allowed: scenario files use plain YAML values, tags never build objects"));
    }
}
