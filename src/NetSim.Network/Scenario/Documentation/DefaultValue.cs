using System.Collections;
using System.Text.Json.Nodes;
using NetSim.Network.Scenario.Binding;
using NetSim.Network.Scenario.Config;
using NetSim.Network.Scenario.Units;
using NetSim.Network.Scenario.Yaml;

namespace NetSim.Network.Scenario.Documentation;

/// <summary>
/// Default values, read from a fresh config instance, written as a scenario file would write them:
/// as JSON (for the schema) and as YAML flow text (for the reference).
/// </summary>
public static class DefaultValue
{
    /// <summary>The default of <paramref name="key"/> as JSON, or null when the key has no default.</summary>
    public static JsonNode? Json(DeclaredKey key, object? value) => key.HasDefault ? Json(key.Type, key.Param, value) : null;

    /// <summary>The default of <paramref name="key"/> as YAML flow text, or its requirement when it has no default.</summary>
    public static string Text(DeclaredKey key, object? value)
    {
        if (!key.HasDefault)
        {
            return key.RequirementText;
        }

        if (Declared.ItemType(key.Type) is { } item && Declared.IsSection(item))
        {
            var count = ((IList)value!).Count;
            return count == 0 ? "[]" : $"{count} entr{(count == 1 ? "y" : "ies")} with the defaults below";
        }

        return Yaml(Json(key.Type, key.Param, value));
    }

    private static JsonNode? Json(Type type, ParamAttribute param, object? value) => value switch
    {
        null => null,
        bool b => JsonValue.Create(b),
        int.MaxValue or double.PositiveInfinity when param.NoLimit is { } word => JsonValue.Create(word),
        int i => JsonValue.Create(i),
        ulong u => JsonValue.Create(u),
        string s => JsonValue.Create(s),
        Enum e => JsonValue.Create(Naming.Snake(e.ToString())),
        double d => Number(d, param.Unit),
        Distribution d => Distribution(d, param.Unit),
        Dictionary<string, Node> => new JsonObject(),
        IList list => new JsonArray(list.Cast<object?>().Select(x => Json(Declared.ItemType(type)!, param, x)).ToArray()),
        _ when Declared.IsSection(type) => Section(type, value),
        _ => JsonValue.Create(value.ToString()),
    };

    private static JsonObject Section(Type type, object value)
    {
        var o = new JsonObject();
        foreach (var key in Declared.KeysOf(type).Where(k => k.HasDefault || k.Param.Required))
        {
            o[key.Name] = Json(key.Type, key.Param, key.Property.GetValue(value));
        }

        return o;
    }

    private static JsonNode Number(double value, UnitKind unit) => unit is UnitKind.None or UnitKind.Decibel
        ? JsonValue.Create(value)
        : JsonValue.Create(UnitFormat.Format(value, unit));

    private static JsonNode Distribution(Distribution d, UnitKind unit) => d.Kind switch
    {
        DistributionKind.Constant => Number(d.A, unit),
        DistributionKind.Uniform => new JsonObject { ["uniform"] = new JsonArray(Number(d.A, unit), Number(d.B, unit)) },
        DistributionKind.Exponential => new JsonObject { ["exponential"] = Number(d.A, unit) },
        _ => JsonValue.Create("none"),
    };

    /// <summary>JSON as YAML flow text: strings unquoted where YAML reads them back as the same text.</summary>
    private static string Yaml(JsonNode? node) => node switch
    {
        null => "~",
        JsonArray a => "[" + string.Join(", ", a.Select(Yaml)) + "]",
        JsonObject o => "{" + string.Join(", ", o.Select(p => $"{p.Key}: {Yaml(p.Value)}")) + "}",
        JsonValue v when v.TryGetValue<string>(out var s) => s.Length == 0 ? "\"\"" : s,
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true" : "false",
        _ => node.ToJsonString(),
    };
}
