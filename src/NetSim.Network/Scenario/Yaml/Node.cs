namespace NetSim.Network.Scenario.Yaml;

/// <summary>
/// A YAML node that remembers where it was written, so that every error names the file, line and
/// column. Mappings keep their keys in order; values are only ever strings (tags never build types).
/// </summary>
public sealed class Node
{
    private Node(NodeKind kind, SourceSpan span, string? value, bool quoted)
    {
        Kind = kind;
        Span = span;
        Value = value;
        Quoted = quoted;
    }

    /// <summary>Scalar, sequence or mapping.</summary>
    public NodeKind Kind { get; }

    /// <summary>Where the node starts.</summary>
    public SourceSpan Span { get; }

    /// <summary>The text of a scalar (null for collections).</summary>
    public string? Value { get; }

    /// <summary>True when the scalar was quoted (so <c>"null"</c> stays a string).</summary>
    public bool Quoted { get; }

    /// <summary>Items of a sequence.</summary>
    public List<Node> Items { get; } = new();

    /// <summary>Entries of a mapping, in order: key node (a scalar) and value.</summary>
    public List<(Node Key, Node Value)> Entries { get; } = new();

    /// <summary>True for a plain scalar that YAML reads as null (<c>~</c>, <c>null</c>, or nothing).</summary>
    public bool IsNull => Kind == NodeKind.Scalar && !Quoted && Value is "" or "~" or "null" or "Null" or "NULL";

    /// <summary>The number of nodes in this subtree, keys included.</summary>
    public long Size => 1 + Items.Sum(i => i.Size) + Entries.Sum(e => 1 + e.Value.Size);

    /// <summary>The levels of lists and mappings in this subtree: 0 for a scalar, 1 for a flat list.</summary>
    public int Height => Kind == NodeKind.Scalar ? 0 : 1 + Math.Max(Items.Select(i => i.Height).DefaultIfEmpty(0).Max(), Entries.Select(e => e.Value.Height).DefaultIfEmpty(0).Max());

    /// <summary>A scalar node.</summary>
    public static Node Scalar(SourceSpan span, string value, bool quoted = false) => new(NodeKind.Scalar, span, value, quoted);

    /// <summary>An empty sequence node.</summary>
    public static Node Sequence(SourceSpan span) => new(NodeKind.Sequence, span, null, false);

    /// <summary>An empty mapping node.</summary>
    public static Node Mapping(SourceSpan span) => new(NodeKind.Mapping, span, null, false);

    /// <summary>The value under <paramref name="key"/> in a mapping, or null.</summary>
    public Node? Get(string key)
    {
        foreach (var (k, v) in Entries)
        {
            if (k.Value == key)
            {
                return v;
            }
        }

        return null;
    }

    /// <summary>Sets or replaces the value under <paramref name="key"/> in a mapping.</summary>
    public void Set(Node key, Node value)
    {
        for (var i = 0; i < Entries.Count; i++)
        {
            if (Entries[i].Key.Value == key.Value)
            {
                Entries[i] = (Entries[i].Key, value);
                return;
            }
        }

        Entries.Add((key, value));
    }

    /// <summary>Removes the entry under <paramref name="key"/> from a mapping.</summary>
    public void Remove(string key) => Entries.RemoveAll(e => e.Key.Value == key);

    /// <summary>A deep copy.</summary>
    public Node Clone()
    {
        var copy = new Node(Kind, Span, Value, Quoted);
        copy.Items.AddRange(Items.Select(i => i.Clone()));
        copy.Entries.AddRange(Entries.Select(e => (e.Key, e.Value.Clone())));
        return copy;
    }

    /// <summary>
    /// Merges <paramref name="over"/> onto <paramref name="under"/>, taking over both: mappings merge
    /// key by key (recursively, in place in <paramref name="under"/>), any other value replaces.
    /// Returns the merged node. Linear in the sizes of the two trees.
    /// </summary>
    public static Node Merge(Node under, Node over)
    {
        if (under.Kind != NodeKind.Mapping || over.Kind != NodeKind.Mapping)
        {
            return over;
        }

        var index = new Dictionary<string, int>(under.Entries.Count, StringComparer.Ordinal);
        for (var i = 0; i < under.Entries.Count; i++)
        {
            index[under.Entries[i].Key.Value!] = i;
        }

        foreach (var (key, value) in over.Entries)
        {
            if (index.TryGetValue(key.Value!, out var i))
            {
                under.Entries[i] = (under.Entries[i].Key, Merge(under.Entries[i].Value, value));
            }
            else
            {
                index[key.Value!] = under.Entries.Count;
                under.Entries.Add((key, value));
            }
        }

        return under;
    }
}
