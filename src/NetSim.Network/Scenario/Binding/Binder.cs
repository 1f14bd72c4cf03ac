using NetSim.Network.Scenario.Config;
using NetSim.Network.Scenario.Yaml;

namespace NetSim.Network.Scenario.Binding;

/// <summary>
/// Builds config objects from located YAML nodes, checking every value against its declaration.
/// It never stops at the first problem: each is added to <see cref="Errors"/> and the default is kept.
/// </summary>
public sealed partial class Binder
{
    /// <summary>Problems found.</summary>
    public List<ScenarioError> Errors { get; } = new();

    /// <summary>Where each written key path was written (list entries by index: <c>models.0.name</c>).</summary>
    public Dictionary<string, SourceSpan> Spans { get; } = new(StringComparer.Ordinal);

    /// <summary>Binds <paramref name="node"/> into a new <typeparamref name="T"/>.</summary>
    public T Bind<T>(Node node)
        where T : new() => (T)BindSection(typeof(T), node, string.Empty);

    /// <summary>Binds one value of a declared key, as if written at <paramref name="path"/>; false after an error.</summary>
    public bool TryBindKey(DeclaredKey key, Node node, string path, out object? value) => BindValue(key.Type, key.Param, node, path, out value);

    private object BindSection(Type type, Node node, string path)
    {
        var target = Activator.CreateInstance(type)!;
        Spans[path] = node.Span;
        if (node.IsNull)
        {
            return target;
        }

        if (type == typeof(PolicyConfig) && node.Kind == NodeKind.Scalar)
        {
            ((PolicyConfig)target).Name = node.Value!;
            return target;
        }

        var keys = Declared.KeysOf(type);
        if (node.Kind != NodeKind.Mapping)
        {
            Error(node, path, $"expected a mapping with keys {string.Join(", ", keys.Select(k => k.Name))}, found {Expectation.Found(node)}");
            return target;
        }

        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in node.Entries)
        {
            var name = keyNode.Value!;
            var childPath = Join(path, name);
            var key = keys.FirstOrDefault(k => k.Name == name);
            if (key is null)
            {
                UnknownKey(keyNode, path, childPath, keys);
                continue;
            }

            written.Add(name);
            Spans[childPath] = value.Span;
            if (BindValue(key.Type, key.Param, value, childPath, out var bound))
            {
                key.Property.SetValue(target, bound);
            }
        }

        CheckRequired(target, keys, written, node, path);
        return target;
    }

    private void UnknownKey(Node keyNode, string path, string childPath, IReadOnlyList<DeclaredKey> keys)
    {
        var name = keyNode.Value!;
        if (name == "<<")
        {
            Error(keyNode, childPath, "YAML merge keys (<<) are not supported (use include: to share values between files)");
            return;
        }

        var suggestion = Naming.Closest(name, keys.Select(k => k.Name));
        Error(keyNode, childPath, suggestion is null
            ? $"unknown key (expected one of: {string.Join(", ", keys.Select(k => k.Name))})"
            : $"unknown key (did you mean {Join(path, suggestion)}?)");
    }

    private void CheckRequired(object target, IReadOnlyList<DeclaredKey> keys, HashSet<string> written, Node node, string path)
    {
        foreach (var key in keys.Where(k => !k.HasDefault && !written.Contains(k.Name)))
        {
            if (key.Param.Required)
            {
                Error(node, Join(path, key.Name), $"missing key (required: {key.Param.Description})");
                continue;
            }

            var sibling = keys.FirstOrDefault(k => k.Name == key.WhenKey);
            var value = sibling?.Property.GetValue(target) switch
            {
                Enum e => Naming.Snake(e.ToString()),
                var other => other?.ToString(),
            };
            if (value is not null && key.WhenValues.Contains(value))
            {
                Error(node, Join(path, key.Name), $"missing key (required when {key.WhenKey} is {value}: {key.Param.Description})");
            }
        }
    }

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    private bool Error(Node node, string path, string message)
    {
        Errors.Add(new ScenarioError(node.Span, path, message));
        return false;
    }
}
