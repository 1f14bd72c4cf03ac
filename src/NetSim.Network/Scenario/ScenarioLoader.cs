using System.Security.Cryptography;
using System.Text;
using NetSim.Network.Scenario.Binding;
using NetSim.Network.Scenario.Config;
using NetSim.Network.Scenario.Yaml;

namespace NetSim.Network.Scenario;

/// <summary>
/// Loads a scenario file: reads it and its includes, applies <c>--set</c> overrides, binds and
/// validates every value, and reports every error at once as <c>FILE:LINE:COL: key.path: message</c>.
/// It never throws for a problem in the input.
/// </summary>
public static class ScenarioLoader
{
    /// <summary>Loads <paramref name="path"/> with <paramref name="overrides"/> (<c>key.path=value</c>).</summary>
    public static ScenarioLoadResult Load(string path, IReadOnlyList<string>? overrides = null)
    {
        overrides ??= [];
        var errors = new List<ScenarioError>();
        var root = ReadWithIncludes(path, errors, [], null);
        if (root is null)
        {
            return new ScenarioLoadResult(null, errors);
        }

        for (var i = 0; i < overrides.Count; i++)
        {
            ApplyOverride(root, overrides[i], i + 1, errors);
        }

        var binder = new Binder();
        var config = binder.Bind<ScenarioConfig>(root);
        errors.AddRange(binder.Errors);
        ScenarioValidator.Validate(config, binder.Spans, path, errors);
        if (errors.Count > 0)
        {
            return new ScenarioLoadResult(null, Sorted(errors));
        }

        var resolved = YamlWriter.Write(root);
        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(resolved)));
        return new ScenarioLoadResult(new Scenario(path, config, resolved, sha, overrides.ToArray()), errors);
    }

    private static List<ScenarioError> Sorted(List<ScenarioError> errors) =>
        errors.Distinct().OrderBy(e => e.Span.File == "--set" ? 1 : 0).ThenBy(e => e.Span.File, StringComparer.Ordinal).ThenBy(e => e.Span.Line).ThenBy(e => e.Span.Column).ToList();

    /// <summary>Reads a file and merges its includes under it; null when it cannot be read.</summary>
    private static Node? ReadWithIncludes(string path, List<ScenarioError> errors, List<string> stack, SourceSpan? from)
    {
        var full = Path.GetFullPath(path);
        string text;
        try
        {
            text = File.ReadAllText(full);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var reason = ex is FileNotFoundException or DirectoryNotFoundException ? "no such file" : ex.Message;
            errors.Add(new ScenarioError(from ?? new SourceSpan(path, 1, 1), from is null ? string.Empty : "include", $"cannot read {path}: {reason}"));
            return null;
        }

        var root = YamlReader.Read(text, path, errors);
        if (root is null)
        {
            return null;
        }

        if (root.Kind != NodeKind.Mapping)
        {
            errors.Add(new ScenarioError(root.Span, string.Empty, "a scenario is a mapping of keys (name:, ues:, ...)"));
            return null;
        }

        var include = root.Get("include");
        if (include is null || include.IsNull)
        {
            root.Remove("include");
            return root;
        }

        var files = include.Kind switch
        {
            NodeKind.Scalar => [include],
            NodeKind.Sequence => include.Items,
            _ => [],
        };
        if (include.Kind == NodeKind.Mapping || files.Any(f => f.Kind != NodeKind.Scalar))
        {
            errors.Add(new ScenarioError(include.Span, "include", "expected a file name or a list of file names"));
            root.Remove("include");
            return root;
        }

        stack.Add(full);
        Node? merged = null;
        foreach (var file in files)
        {
            var target = Path.Combine(Path.GetDirectoryName(full) ?? ".", file.Value!);
            var shown = Path.Combine(Path.GetDirectoryName(path) ?? string.Empty, file.Value!);
            if (stack.Contains(Path.GetFullPath(target)))
            {
                errors.Add(new ScenarioError(file.Span, "include", $"include cycle: {string.Join(" -> ", stack.Select(Path.GetFileName).Append(file.Value))}"));
                continue;
            }

            var included = ReadWithIncludes(shown, errors, stack, file.Span);
            if (included is not null)
            {
                merged = merged is null ? included : Node.Merge(merged, included);
            }
        }

        stack.RemoveAt(stack.Count - 1);
        root.Remove("include");
        return merged is null ? root : Node.Merge(merged, root);
    }

    /// <summary>Applies one <c>key.path=value</c> override; list items are addressed by index.</summary>
    private static void ApplyOverride(Node root, string text, int index, List<ScenarioError> errors)
    {
        var at = new SourceSpan("--set", index, 1);
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            errors.Add(new ScenarioError(at, string.Empty, $"'{text}' is not key.path=value"));
            return;
        }

        var path = text[..equals].Trim();
        var valueErrors = new List<ScenarioError>();
        var value = YamlReader.Read(text[(equals + 1)..], "--set", valueErrors);
        if (valueErrors.Count > 0 || value is null)
        {
            errors.AddRange(valueErrors.Select(e => e with { Span = at, Path = path }));
            return;
        }

        value = Relocate(value, at);
        var parts = path.Split('.');
        var node = root;
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            var last = i == parts.Length - 1;
            if (node.Kind == NodeKind.Sequence)
            {
                if (!int.TryParse(part, out var item) || item < 0 || item >= node.Items.Count)
                {
                    errors.Add(new ScenarioError(at, string.Join('.', parts[..(i + 1)]), $"'{part}' is not an index of this list (it has {node.Items.Count} entries)"));
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
                errors.Add(new ScenarioError(at, string.Join('.', parts[..i]), "is a single value; it has no keys to set"));
                return;
            }

            var key = Node.Scalar(at, part);
            if (last)
            {
                node.Set(key, value);
                return;
            }

            var child = node.Get(part);
            if ((child is null || child.IsNull) && int.TryParse(parts[i + 1], out _))
            {
                errors.Add(new ScenarioError(at, string.Join('.', parts[..(i + 1)]), $"the scenario file has no list here to index; set the whole list instead (--set '{string.Join('.', parts[..(i + 1)])}=[...]')"));
                return;
            }

            if (child is null || child.IsNull)
            {
                child = Node.Mapping(at);
                node.Set(key, child);
            }

            node = child;
        }
    }

    private static Node Relocate(Node node, SourceSpan at)
    {
        var copy = node.Kind switch
        {
            NodeKind.Scalar => Node.Scalar(at, node.Value!, node.Quoted),
            NodeKind.Sequence => Node.Sequence(at),
            _ => Node.Mapping(at),
        };
        copy.Items.AddRange(node.Items.Select(i => Relocate(i, at)));
        copy.Entries.AddRange(node.Entries.Select(e => (Node.Scalar(at, e.Key.Value!), Relocate(e.Value, at))));
        return copy;
    }
}
