using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace NetSim.Network.Scenario.Yaml;

/// <summary>
/// Reads YAML text into <see cref="Node"/> trees with positions, from YamlDotNet's event parser
/// (never its object deserializer, so a tag never builds an object). Syntax errors, duplicate keys,
/// non-scalar keys, several documents and tags other than YAML's own are located errors. Aliases
/// are expanded to copies of their anchored node, up to <see cref="ScenarioLimits.Values"/> values
/// in all (a guard against alias bombs), and lists and mappings nest at most
/// <see cref="ScenarioLimits.MaxDepth"/> levels deep (a guard against a stack overflow).
/// </summary>
public sealed class YamlReader
{

    private static readonly HashSet<string> StandardTags =
    [
        "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool",
        "tag:yaml.org,2002:null", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map",
    ];

    private readonly string _file;
    private readonly string _text;
    private readonly List<ScenarioError> _errors;
    private readonly Dictionary<string, Node> _anchors = new(StringComparer.Ordinal);
    private readonly List<string> _segments = [];
    private readonly ValueBudget _budget;
    private Mark _last = Mark.Empty;
    private int _depth;

    private YamlReader(string text, string file, List<ScenarioError> errors, ValueBudget budget, int depth)
    {
        _text = text;
        _file = file;
        _errors = errors;
        _budget = budget;
        _depth = depth;
    }

    /// <summary>
    /// Parses <paramref name="text"/> written in <paramref name="file"/>. An empty document is an
    /// empty mapping; the result is null only when the text could not be read at all.
    /// </summary>
    public static Node? Read(string text, string file, List<ScenarioError> errors) =>
        Read(text, file, errors, new ValueBudget(ScenarioLimits.Default.Values), 0);

    /// <summary>
    /// Parses <paramref name="text"/> taking its values from <paramref name="budget"/>, as if its
    /// root were nested <paramref name="depth"/> levels deep.
    /// </summary>
    internal static Node? Read(string text, string file, List<ScenarioError> errors, ValueBudget budget, int depth) =>
        new YamlReader(text, file, errors, budget, depth).ReadDocument();

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
            _errors.Add(new ScenarioError(Span(ex.Start), Path(), $"YAML syntax: {Quote.Text(SyntaxMessage(ex), 300)}"));
            return null;
        }
        catch (ReadingStoppedException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this instead of a YamlException on some unterminated flow collections.
            _errors.Add(new ScenarioError(Span(_last), Path(), "YAML syntax: the text after this point cannot be read (an unclosed '[' or '{'?)"));
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
        if (!_budget.Take(nodes))
        {
            _errors.Add(new ScenarioError(at, Path(), $"the scenario holds more than {_budget.Limit:N0} values (keys included, aliases expanded, includes counted), the limit ({ScenarioLimits.ValuesVariable} raises it)"));
            throw new ReadingStoppedException();
        }
    }

    private void Nest(SourceSpan at, int levels)
    {
        if (_depth + levels > ScenarioLimits.MaxDepth)
        {
            _errors.Add(new ScenarioError(at, Path(), $"lists and mappings nested more than {ScenarioLimits.MaxDepth} levels deep (expected a scenario, which nests a few levels)"));
            throw new ReadingStoppedException();
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
                Nest(at, anchored.Height);
                Count(at, anchored.Size);
                return anchored.Clone();
            }

            _errors.Add(new ScenarioError(at, Path(), $"unknown alias *{Quote.Text(alias.Value.Value)} (no &{Quote.Text(alias.Value.Value)} before it)"));
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
        if (node.Kind != NodeKind.Scalar)
        {
            Nest(span, 1);
            _depth++;
            if (node.Kind == NodeKind.Sequence)
            {
                ReadItems(parser, node);
            }
            else
            {
                ReadEntries(parser, node);
            }

            _depth--;
        }

        if (!anchor.IsEmpty)
        {
            _anchors[anchor.Value] = node;
        }

        return node;
    }

    /// <summary>The key path of the node being read, for a message (built only then: a path per node would cost memory).</summary>
    private string Path() => string.Join('.', _segments.Select(s => Quote.Text(s)));

    private void ReadItems(IParser parser, Node node)
    {
        while (!parser.TryConsume<SequenceEnd>(out _))
        {
            _segments.Add(node.Items.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            node.Items.Add(ReadNode(parser));
            _segments.RemoveAt(_segments.Count - 1);
        }
    }

    private void ReadEntries(IParser parser, Node node)
    {
        var seen = new Dictionary<string, (Node Key, Node Value)>(StringComparer.Ordinal);
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var key = ReadNode(parser);
            var keyText = key.Kind == NodeKind.Scalar ? key.Value! : "?";
            _segments.Add(keyText);
            var value = ReadNode(parser);
            var duplicate = key.Kind == NodeKind.Scalar && seen.ContainsKey(keyText) ? Path() : null;
            _segments.RemoveAt(_segments.Count - 1);
            if (key.Kind != NodeKind.Scalar)
            {
                _errors.Add(new ScenarioError(key.Span, Path(), "a key must be a plain name, not a list or mapping"));
                continue;
            }

            if (duplicate is not null)
            {
                var first = seen[keyText];
                _errors.Add(new ScenarioError(key.Span, duplicate, $"duplicate key (first given at line {first.Key.Span.Line}); the first value {Describe(first.Value)} would be lost"));
                continue;
            }

            seen.Add(keyText, (key, value));
            node.Entries.Add((key, value));
        }
    }

    private static string Describe(Node node) => node.Kind == NodeKind.Scalar ? Quote.Value(node.Value!) : $"(a {node.Kind.ToString().ToLowerInvariant()})";

    private void CheckTag(TagName tag, SourceSpan span)
    {
        if (tag.IsEmpty || tag.IsNonSpecific || StandardTags.Contains(tag.Value))
        {
            return;
        }

        _errors.Add(new ScenarioError(span, Path(), $"tag {Quote.Text(tag.Value)} is not allowed: scenario files use plain YAML values, tags never build objects"));
    }
}
