using System.Collections.Frozen;
using System.Globalization;
using NetSim.Network.Scenario.Binding;
using NetSim.Network.Scenario.Config;
using NetSim.Network.Scenario.Units;

namespace NetSim.Plots.Figures;

/// <summary>
/// What a parameter is, in words, and the unit its values are drawn in, for any key path that
/// <c>sweep.parameters</c>, <c>--set</c> or a figure's X and grouping fields name. Scenario keys
/// take the first phrase of their declared description and the SI unit of their declared kind (the
/// unit <see cref="Data.ParamValue"/> reads values in); policy options, which the scenario does not
/// declare, come from a table of the options the paper figures and sweeps use; <c>count(path)</c>
/// and <c>distinct(path)</c> say what they count; any other key is named by its key path.
/// </summary>
public static class ParameterLabel
{
    private const string OptionsPrefix = "policy.options.";

    /// <summary>The scenario's declared keys by path, list entries written <c>name[]</c>.</summary>
    private static readonly FrozenDictionary<string, DeclaredKey> Declared = Network.Scenario.Binding.Declared
        .Walk(typeof(ScenarioConfig))
        .ToFrozenDictionary(k => k.Path, k => k.Key, StringComparer.Ordinal);

    /// <summary>Keys whose declared description does not read as a name, and the options of sca-kkt (Wang, Liu and Zhao).</summary>
    private static readonly FrozenDictionary<string, (string Name, string Unit)> Known = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["duration"] = ("Arrival period", "s"),
        [OptionsPrefix + "edge_steps_budget"] = ("Maximum edge diffusion steps S_e^max", "steps"),
        [OptionsPrefix + "local_steps_max"] = ("Maximum device diffusion steps S_0^max", "steps"),
        [OptionsPrefix + "edge_steps_max"] = ("Maximum edge steps of a task S_n,1^max", "steps"),
        [OptionsPrefix + "steps_min"] = ("Minimum diffusion steps of a task", "steps"),
        [OptionsPrefix + "c1"] = ("Latency cost weight c1", "1/s"),
        [OptionsPrefix + "c2"] = ("Error cost weight c2", string.Empty),
        [OptionsPrefix + "c3"] = ("Energy cost weight c3", "1/J"),
        [OptionsPrefix + "w1"] = ("Utility weight w1", string.Empty),
        [OptionsPrefix + "w2"] = ("Cost weight w2", string.Empty),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>What <paramref name="key"/> is, without its unit: "Number of UEs", "Relative deadline of task type 0".</summary>
    public static string Name(string key) => Describe(key).Name;

    /// <summary>The axis label: the name with the unit its values are drawn in ("s", "Hz") in parentheses, when it has one.</summary>
    public static string Axis(string key)
    {
        var (name, unit) = Describe(key);
        return unit.Length > 0 ? $"{name} ({unit})" : name;
    }

    private static (string Name, string Unit) Describe(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (Known.TryGetValue(key, out var known))
        {
            return known;
        }

        if (Inner(key, "count") is { } list)
        {
            return ($"Number of {Words(list.Split('.')[^1])}", string.Empty);
        }

        if (Inner(key, "distinct") is { } path)
        {
            var parts = path.Split('.');
            var star = Array.LastIndexOf(parts, "*");
            var of = star > 0 ? $" of the {Words(parts[star - 1])}" : string.Empty;
            return ($"Number of distinct {Plural(Words(parts[^1]))}{of}", string.Empty);
        }

        if (key.StartsWith(OptionsPrefix, StringComparison.Ordinal))
        {
            return ($"Policy option {key[OptionsPrefix.Length..]}", string.Empty);
        }

        return Declaration(key) ?? (key, string.Empty);
    }

    /// <summary>A scenario key from its declaration, list indices named after the list ("of task type 0"); null when the key is not declared.</summary>
    private static (string Name, string Unit)? Declaration(string key)
    {
        var parts = key.Split('.');
        var declared = new List<string>();
        var entries = new List<string>();
        foreach (var part in parts)
        {
            if (declared.Count > 0 && int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                entries.Add($"{Singular(Words(declared[^1]))} {part}");
                declared[^1] += "[]";
            }
            else
            {
                declared.Add(part);
            }
        }

        if (!Declared.TryGetValue(string.Join('.', declared), out var found))
        {
            return null;
        }

        var name = Capitalised(Head(found.Param.Description));
        entries.Reverse();
        foreach (var entry in entries)
        {
            name += $" of {entry}";
        }

        var unit = UnitTable.SiUnit(found.Param.Unit);
        return (name, unit == "/s" ? "1/s" : unit);
    }

    /// <summary>The first phrase of a description: up to the first colon, semicolon, comma or opening parenthesis outside brackets.</summary>
    private static string Head(string description)
    {
        var depth = 0;
        for (var i = 0; i < description.Length; i++)
        {
            switch (description[i])
            {
                case '[' or '{':
                    depth++;
                    break;
                case ']' or '}':
                    depth--;
                    break;
                case ':' or ';' or ',' when depth == 0:
                    return description[..i].TrimEnd();
                case '(' when depth == 0 && i > 0:
                    return description[..i].TrimEnd();
            }
        }

        return description;
    }

    private static string? Inner(string key, string function) =>
        key.StartsWith(function + "(", StringComparison.Ordinal) && key.EndsWith(')') ? key[(function.Length + 1)..^1] : null;

    private static string Words(string name) => name.Replace('_', ' ');

    private static string Singular(string words) => words.EndsWith('s') ? words[..^1] : words;

    private static string Plural(string words) => words.EndsWith('s') ? words : words + "s";

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
