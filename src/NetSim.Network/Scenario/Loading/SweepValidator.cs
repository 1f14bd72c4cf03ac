using System.Globalization;
using NetSim.Network.Scenario.Binding;
using NetSim.Network.Scenario.Config;
using NetSim.Network.Scenario.Yaml;

namespace NetSim.Network.Scenario.Loading;

/// <summary>
/// Checks <c>sweep.parameters</c>: every key must be a declared key path (list entries by index)
/// and every value a list whose entries are valid values of that key. <c>policy.options.NAME</c>
/// may be swept too; the policy checks those values when a run creates it.
/// </summary>
internal static class SweepValidator
{
    public static void Validate(Node? parameters, List<ScenarioError> errors)
    {
        if (parameters is not { Kind: NodeKind.Mapping })
        {
            return;
        }

        foreach (var (keyNode, values) in parameters.Entries)
        {
            var path = keyNode.Value!;
            var option = IsPolicyOption(path);
            var key = option ? null : Resolve(path, keyNode.Span, errors);
            if (key is null && !option)
            {
                continue;
            }

            if (values.Kind != NodeKind.Sequence || values.Items.Count == 0)
            {
                errors.Add(new ScenarioError(values.Span, $"sweep.parameters.{path}", $"expected a non-empty list of values for {path}, found {Expectation.Found(values)}"));
                continue;
            }

            if (key is null)
            {
                // A policy option: its values are the policy's to check, when the run creates it.
                continue;
            }

            var binder = new Binder();
            foreach (var value in values.Items)
            {
                binder.TryBindKey(key, value, path, out _);
            }

            errors.AddRange(binder.Errors.Select(e => e with { Path = $"sweep.parameters.{e.Path}" }));
        }
    }

    /// <summary>True for <c>policy.options.NAME</c>: options are free-form and checked by the policy itself.</summary>
    private static bool IsPolicyOption(string path) =>
        path.StartsWith("policy.options.", StringComparison.Ordinal) && path.Length > "policy.options.".Length && path.Count(c => c == '.') == 2;

    /// <summary>The declared key at <paramref name="path"/>, or null after an error with a did-you-mean.</summary>
    private static DeclaredKey? Resolve(string path, SourceSpan at, List<ScenarioError> errors)
    {
        var type = typeof(ScenarioConfig);
        DeclaredKey? key = null;
        var parts = path.Split('.');
        var done = new List<string>();
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (key is not null && Declared.ItemType(key.Type) is { } item && Declared.IsSection(item))
            {
                if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                {
                    return Fail(errors, at, path, $"{string.Join('.', done)} is a list: expected an index after it, found {Quote.Value(part)}");
                }

                done.Add(part);
                type = item;
                key = null;
                continue;
            }

            if (key is not null && !Declared.IsSection(key.Type))
            {
                return Fail(errors, at, path, $"{string.Join('.', done)} is a single value; it has no key {Quote.Value(part)}");
            }

            var keys = Declared.KeysOf(key?.Type ?? type);
            key = keys.FirstOrDefault(k => k.Name == part);
            if (key is null)
            {
                var suggestion = Naming.Closest(part, keys.Select(k => k.Name));
                var prefix = done.Count == 0 ? string.Empty : string.Join('.', done) + ".";
                return Fail(errors, at, path, suggestion is null ? $"unknown key path (no key {Quote.Value(part)} here)" : $"unknown key path (did you mean {prefix}{suggestion}?)");
            }

            done.Add(part);
        }

        return key is null || Declared.IsSection(key.Type) || Declared.ItemType(key.Type) is { } list && Declared.IsSection(list)
            ? Fail(errors, at, path, "a sweep varies single values; name a key inside this section")
            : key;
    }

    private static DeclaredKey? Fail(List<ScenarioError> errors, SourceSpan at, string path, string message)
    {
        errors.Add(new ScenarioError(at, $"sweep.parameters.{path}", message));
        return null;
    }
}
