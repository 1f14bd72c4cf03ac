using NetSim.Network.Scenario.Yaml;

namespace NetSim.Network.Scenario.Loading;

/// <summary>
/// Applies <c>--set key.path=value</c> overrides to a merged tree. The value is YAML (a scalar or a
/// flow collection); list entries are addressed by index (<c>models.0.size=2GB</c>). Every node an
/// override brings is located at <c>--set:N:COLUMN</c>, N counting overrides from 1.
/// </summary>
internal static class OverrideApplier
{
    /// <summary>Applies override number <paramref name="index"/> (from 1).</summary>
    public static void Apply(Node root, string text, int index, List<ScenarioError> errors, ScenarioLimits limits)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        var keyText = equals < 0 ? text : text[..equals];
        if (equals < 0 || keyText.Trim().Length == 0)
        {
            errors.Add(new ScenarioError(At(index, 1), string.Empty, $"{Quote.Value(text)} is not key.path=value"));
            return;
        }

        if (keyText.Trim() == "include" || keyText.TrimStart().StartsWith("include.", StringComparison.Ordinal))
        {
            errors.Add(new ScenarioError(At(index, 1 + keyText.Length - keyText.TrimStart().Length), "include", "includes cannot be set with --set: they are read before the overrides are applied"));
            return;
        }

        var parts = Parts(keyText, index);
        if (parts.Count > ScenarioLimits.MaxDepth)
        {
            errors.Add(new ScenarioError(parts[ScenarioLimits.MaxDepth].Span, string.Empty, $"a key path of {parts.Count} keys: lists and mappings nested more than {ScenarioLimits.MaxDepth} levels deep (expected a scenario, which nests a few levels)"));
            return;
        }

        var value = ReadValue(text[(equals + 1)..], index, equals + 1, keyText.Trim(), parts.Count, errors, limits);
        if (value is null)
        {
            return;
        }

        var bad = parts.FindIndex(p => p.Name.Length == 0);
        if (bad >= 0)
        {
            errors.Add(new ScenarioError(parts[bad].Span, keyText.Trim(), "empty key in the path (expected names separated by single dots)"));
            return;
        }

        Set(root, parts, value, errors);
    }

    private static void Set(Node root, List<(string Name, SourceSpan Span)> parts, Node value, List<ScenarioError> errors)
    {
        var node = root;
        for (var i = 0; i < parts.Count; i++)
        {
            var (part, span) = parts[i];
            var prefix = string.Join('.', parts.Take(i + 1).Select(p => p.Name));
            var last = i == parts.Count - 1;
            if (node.Kind == NodeKind.Sequence)
            {
                if (!int.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var item) || item >= node.Items.Count)
                {
                    errors.Add(new ScenarioError(span, prefix, $"{Quote.Value(part)} is not an index of this list (it has {node.Items.Count} entries, from 0)"));
                    return;
                }

                if (last)
                {
                    node.Items[item] = value;
                    return;
                }

                node = node.Items[item];
                continue;
            }

            if (node.Kind != NodeKind.Mapping)
            {
                errors.Add(new ScenarioError(span, string.Join('.', parts.Take(i).Select(p => p.Name)), $"is a single value; it has no key {Quote.Value(part)} to set"));
                return;
            }

            var key = Node.Scalar(span, part);
            if (last)
            {
                node.Set(key, value);
                return;
            }

            var child = node.Get(part);
            if ((child is null || child.IsNull) && int.TryParse(parts[i + 1].Name, out _))
            {
                errors.Add(new ScenarioError(parts[i + 1].Span, prefix, $"the scenario files write no list here to index; set the whole list instead (--set '{prefix}=[...]')"));
                return;
            }

            if (child is null || child.IsNull)
            {
                child = Node.Mapping(span);
                node.Set(key, child);
            }

            node = child;
        }
    }

    private static List<(string Name, SourceSpan Span)> Parts(string keyText, int index)
    {
        var parts = new List<(string, SourceSpan)>();
        var column = 1;
        foreach (var raw in keyText.Split('.'))
        {
            var lead = raw.Length - raw.TrimStart().Length;
            parts.Add((raw.Trim(), At(index, column + lead)));
            column += raw.Length + 1;
        }

        return parts;
    }

    private static Node? ReadValue(string text, int index, int offset, string path, int depth, List<ScenarioError> errors, ScenarioLimits limits)
    {
        if (text.Trim().Length == 0)
        {
            return Node.Scalar(At(index, offset + 1), string.Empty);
        }

        var valueErrors = new List<ScenarioError>();
        var value = YamlReader.Read(text, "--set", valueErrors, new ValueBudget(limits.Values), depth);
        errors.AddRange(valueErrors.Select(e => e with { Span = Shift(e.Span, index, offset), Path = e.Path.Length == 0 ? path : $"{path}.{e.Path}" }));
        return valueErrors.Count > 0 || value is null ? null : Relocate(value, index, offset);
    }

    private static Node Relocate(Node node, int index, int offset)
    {
        var at = Shift(node.Span, index, offset);
        var copy = node.Kind switch
        {
            NodeKind.Scalar => Node.Scalar(at, node.Value!, node.Quoted),
            NodeKind.Sequence => Node.Sequence(at),
            _ => Node.Mapping(at),
        };
        copy.Items.AddRange(node.Items.Select(i => Relocate(i, index, offset)));
        copy.Entries.AddRange(node.Entries.Select(e => (Relocate(e.Key, index, offset), Relocate(e.Value, index, offset))));
        return copy;
    }

    /// <summary>A position inside the value text (line 1 of it) as a position in the whole override.</summary>
    private static SourceSpan Shift(SourceSpan span, int index, int offset) => At(index, offset + (span.Line == 1 ? span.Column : 1));

    private static SourceSpan At(int index, int column) => new("--set", index, column);
}
