using NetSim.Network.Scenario.Binding;
using NetSim.Network.Scenario.Config;
using NetSim.Network.Scenario.Yaml;

namespace NetSim.Network.Scenario.Loading;

/// <summary>
/// Reads a scenario file and, depth first, the files it includes. Includes resolve relative to the
/// including file; mappings merge key by key, the including file's values winning; any other value
/// (a list, a single value) replaces. A missing file, a cycle, a file that is not a regular file or
/// is larger than <see cref="ScenarioLimits.FileBytes"/>, and more than <see cref="ScenarioLimits.Files"/>
/// files in all are errors at the include line; the values of every file count against one
/// <see cref="ScenarioLimits.Values"/>.
/// </summary>
internal sealed class IncludeReader(List<ScenarioError> errors, ScenarioLimits limits)
{
    private readonly List<string> _stack = [];
    private readonly ValueBudget _budget = new(limits.Values);
    private int _reads;

    /// <summary>Files read, in order, as shown in messages (the loaded file first).</summary>
    public List<string> Files { get; } = [];

    /// <summary>The merged tree of <paramref name="path"/>, or null when the file cannot be read at all.</summary>
    public Node? Read(string path) => Read(path, null);

    private Node? Read(string shown, SourceSpan? from)
    {
        if (++_reads > limits.Files)
        {
            if (_reads > limits.Files + 1)
            {
                return null;
            }

            errors.Add(new ScenarioError(from!.Value, "include", $"more than {limits.Files:N0} files read for one scenario (includes counted each time they are read), the limit ({ScenarioLimits.FilesVariable} raises it)"));
            return null;
        }

        var text = InputFile.ReadText(shown, limits.FileBytes, "a scenario file", ScenarioLimits.FileBytesVariable, out var reason);
        if (text is null)
        {
            errors.Add(new ScenarioError(from ?? new SourceSpan(shown, 1, 1), from is null ? string.Empty : "include", $"cannot read {Quote.Text(shown)}: {reason}"));
            return null;
        }

        Files.Add(shown);
        var root = YamlReader.Read(text, shown, errors, _budget, 0);
        if (root is null)
        {
            return null;
        }

        if (root.Kind != NodeKind.Mapping)
        {
            errors.Add(new ScenarioError(root.Span, string.Empty, $"a scenario is a mapping of keys (name:, ues:, ...), found {Expectation.Found(root)}"));
            return null;
        }

        NormalizePolicy(root);
        var include = root.Get("include");
        root.Remove("include");
        if (include is null || include.IsNull)
        {
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
            return root;
        }

        _stack.Add(Path.GetFullPath(shown));
        Node? merged = null;
        foreach (var file in files)
        {
            var included = Include(shown, file);
            if (included is not null)
            {
                merged = merged is null ? included : Node.Merge(merged, included);
            }
        }

        _stack.RemoveAt(_stack.Count - 1);
        return merged is null ? root : Node.Merge(merged, root);
    }

    private Node? Include(string includer, Node file)
    {
        var name = file.Value!.Trim();
        if (name.Length == 0 || file.IsNull || name.Contains('\0', StringComparison.Ordinal))
        {
            errors.Add(new ScenarioError(file.Span, "include", $"{Quote.Value(name)} is not a file name"));
            return null;
        }

        var shown = Path.Combine(Path.GetDirectoryName(includer) ?? string.Empty, name);
        if (_stack.Contains(Path.GetFullPath(shown)))
        {
            var chain = _stack.Select(f => Quote.Text(Path.GetFileName(f))).Append(Quote.Text(Path.GetFileName(name)));
            errors.Add(new ScenarioError(file.Span, "include", $"include cycle: {string.Join(" -> ", chain)}"));
            return null;
        }

        var included = Read(shown, file.Span);
        if (included is not null)
        {
            RebasePaths(included, Path.GetDirectoryName(name) ?? string.Empty);
        }

        return included;
    }

    /// <summary><c>policy: NAME</c> becomes <c>policy: {name: NAME}</c>, so that an including file (or an override) can add options.</summary>
    internal static void NormalizePolicy(Node root)
    {
        if (root.Get("policy") is { Kind: NodeKind.Scalar } policy && !policy.IsNull)
        {
            var mapping = Node.Mapping(policy.Span);
            mapping.Entries.Add((Node.Scalar(policy.Span, "name"), policy));
            root.Set(Node.Scalar(policy.Span, "policy"), mapping);
        }
    }

    /// <summary>Rewrites the relative file paths of an included tree relative to the including file.</summary>
    private static void RebasePaths(Node root, string directory)
    {
        if (directory.Length == 0)
        {
            return;
        }

        foreach (var (path, _) in Declared.Walk(typeof(ScenarioConfig)).Where(k => k.Key.Param.IsPath && !k.Path.Contains("[]", StringComparison.Ordinal)))
        {
            var parts = path.Split('.');
            var parent = root;
            for (var i = 0; i < parts.Length - 1 && parent is not null; i++)
            {
                parent = parent.Kind == NodeKind.Mapping ? parent.Get(parts[i]) : null;
            }

            if (parent is { Kind: NodeKind.Mapping } && parent.Get(parts[^1]) is { Kind: NodeKind.Scalar } value && !value.IsNull && !Path.IsPathRooted(value.Value!))
            {
                parent.Set(Node.Scalar(value.Span, parts[^1]), Node.Scalar(value.Span, $"{directory.Replace('\\', '/')}/{value.Value}", value.Quoted));
            }
        }
    }
}
