using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace NetSim.Network.Scenario.Yaml;

/// <summary>
/// Reads YAML text into <see cref="Node"/> trees with positions, from YamlDotNet's event parser
/// (never its object deserializer, so a tag never builds an object). Syntax errors, duplicate keys,
/// non-scalar keys, several documents and tags other than YAML's own are located errors. Aliases
/// are expanded to copies of their anchored node, up to <see cref="MaxNodes"/> nodes in all.
/// </summary>
public sealed class YamlReader
{
    /// <summary>The most nodes a file may expand to (aliases included): a guard against alias bombs.</summary>
    public const int MaxNodes = 1_000_000;

    private static readonly HashSet<string> StandardTags =
    [
        "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool",
        "tag:yaml.org,2002:null", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map",
    ];

    private readonly string _file;
    private readonly string _text;
    private readonly List<ScenarioError> _errors;
    private readonly Dictionary<string, Node> _anchors = new(StringComparer.Ordinal);
    private string _path = string.Empty;
    private Mark _last = Mark.Empty;
    private long _nodes;

    private YamlReader(string text, string file, List<ScenarioError> errors)
    {
        _text = text;
        _file = file;
        _errors = errors;
    }

    /// <summary>
    /// Parses <paramref name="text"/> written in <paramref name="file"/>. An empty document is an
    /// empty mapping; the result is null only when the text could not be read at all.
    /// </summary>
    public static Node? Read(string text, string file, List<ScenarioError> errors) => new YamlReader(text, file, errors).ReadDocument();

    private Node? ReadDocument()
    {
        var parser = new Parser(new StringReader(_text));
        Node? root = null;
        try
        {
            parser.Consume<StreamStart>();
            if (parser.TryConsume<DocumentStart>(out _))
            {
                root = parser.Accept<DocumentEnd>(out _) ? null : ReadNode(parser);
                parser.Consume<DocumentEnd>();
                if (parser.Accept<DocumentStart>(out var second))
                {
                    _errors.Add(new ScenarioError(Span(second.Start), string.Empty, "a scenario file holds one YAML document (found a second '---')"));
                }
            }
        }
        catch (YamlException ex)
        {
            _errors.Add(new ScenarioError(Span(ex.Start), _path, $"YAML syntax: {SyntaxMessage(ex)}"));
            return null;
        }
        catch (TooManyNodesException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this instead of a YamlException on some unterminated flow collections.
            _errors.Add(new ScenarioError(Span(_last), _path, "YAML syntax: the text after this point cannot be read (an unclosed '[' or '{'?)"));
            return null;
        }

        return root ?? Node.Mapping(new SourceSpan(_file, 1, 1));
    }

    private string SyntaxMessage(YamlException ex)
    {
        var message = ex.InnerException?.Message ?? ex.Message;
        var start = message.IndexOf("): ", StringComparison.Ordinal);
        message = start >= 0 ? message[(start + 3)..] : message;
        var lines = _text.Split('\n');
        var line = (int)ex.Start.Line - 1;
        return line >= 0 && line < lines.Length && lines[line].TrimEnd('\r').Contains('\t', StringComparison.Ordinal)
            ? $"{message} (the line holds a tab: indent with spaces)"
            : message;
    }

    private SourceSpan Span(Mark mark) => new(_file, (int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));

    private void Count(SourceSpan at, long nodes)
    {
        _nodes += nodes;
        if (_nodes > MaxNodes)
        {
            _errors.Add(new ScenarioError(at, _path, $"the document expands to more than {MaxNodes:N0} values (through aliases); a scenario is far smaller"));
            throw new TooManyNodesException();
        }
    }

    private Node ReadNode(IParser parser)
    {
        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            var at = Span(alias.Start);
            _last = alias.End;
            if (_anchors.TryGetValue(alias.Value.Value, out var anchored))
            {
                Count(at, anchored.Size);
                return anchored.Clone();
            }

            _errors.Add(new ScenarioError(at, _path, $"unknown alias *{alias.Value.Value} (no &{alias.Value.Value} before it)"));
            return Node.Scalar(at, string.Empty);
        }

        var ev = parser.Current!;
        var span = Span(ev.Start);
        _last = ev.End;
        Count(span, 1);
        var (node, anchor, tag) = ev switch
        {
            Scalar scalar => (Node.Scalar(span, scalar.Value, scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded), scalar.Anchor, scalar.Tag),
            SequenceStart sequence => (Node.Sequence(span), sequence.Anchor, sequence.Tag),
            MappingStart mapping => (Node.Mapping(span), mapping.Anchor, mapping.Tag),
            _ => throw new YamlException(ev.Start, ev.End, $"unexpected {ev.GetType().Name}"),
        };
        parser.MoveNext();
        CheckTag(tag, span);
        if (node.Kind == NodeKind.Sequence)
        {
            ReadItems(parser, node);
        }
        else if (node.Kind == NodeKind.Mapping)
        {
            ReadEntries(parser, node);
        }

        if (!anchor.IsEmpty)
        {
            _anchors[anchor.Value] = node;
        }

        return node;
    }

    private void ReadItems(IParser parser, Node node)
    {
        var path = _path;
        while (!parser.TryConsume<SequenceEnd>(out _))
        {
            _path = Join(path, node.Items.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            node.Items.Add(ReadNode(parser));
        }

        _path = path;
    }

    private void ReadEntries(IParser parser, Node node)
    {
        var path = _path;
        var seen = new Dictionary<string, Node>(StringComparer.Ordinal);
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var key = ReadNode(parser);
            var keyText = key.Kind == NodeKind.Scalar ? key.Value! : "?";
            _path = Join(path, keyText);
            var value = ReadNode(parser);
            _path = path;
            if (key.Kind != NodeKind.Scalar)
            {
                _errors.Add(new ScenarioError(key.Span, path, "a key must be a plain name, not a list or mapping"));
                continue;
            }

            if (seen.TryGetValue(keyText, out var firstKey))
            {
                _errors.Add(new ScenarioError(key.Span, Join(path, keyText), $"duplicate key (first given at line {firstKey.Span.Line}); the first value {Describe(node.Get(keyText)!)} would be lost"));
                continue;
            }

            seen.Add(keyText, key);
            node.Entries.Add((key, value));
        }
    }

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    private static string Describe(Node node) => node.Kind == NodeKind.Scalar ? $"'{node.Value}'" : $"(a {node.Kind.ToString().ToLowerInvariant()})";

    private void CheckTag(TagName tag, SourceSpan span)
    {
        if (tag.IsEmpty || tag.IsNonSpecific || StandardTags.Contains(tag.Value))
        {
            return;
        }

        _errors.Add(new ScenarioError(span, _path, $"tag {tag.Value} is not allowed: scenario files use plain YAML values, tags never build objects"));
    }
}
