using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NetSim.Network.Scenario.Binding;
using NetSim.Network.Scenario.Config;
using NetSim.Network.Scenario.Units;
using NetSim.Network.Scenario.Yaml;

namespace NetSim.Network.Scenario;

/// <summary>
/// The JSON Schema (draft 2020-12) and the Markdown reference of scenario files, both generated
/// from the key declarations, so that editors, docs and the loader never disagree.
/// </summary>
public static class ScenarioSchema
{
    /// <summary>The JSON Schema text.</summary>
    public static string ToJson()
    {
        var schema = Section(typeof(ScenarioConfig), new ScenarioConfig());
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        schema["$id"] = "https://netsim.example/scenario.schema.json";
        schema["title"] = "NetSim scenario";
        return schema.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>The Markdown reference: one row per key with default, unit, range and description.</summary>
    public static string ToMarkdown()
    {
        var sb = new StringBuilder();
        sb.Append("# Scenario file reference\n\n");
        sb.Append("Generated from the key declarations (`netsim schema --markdown`); do not edit by hand.\n");
        sb.Append("Values are stored in SI units: seconds, hertz, operations per second, operations, bits, bits per second, watts, metres.\n\n");
        sb.Append("| key | default | units | allowed | description |\n|---|---|---|---|---|\n");
        Rows(sb, typeof(ScenarioConfig), new ScenarioConfig(), string.Empty);
        return sb.ToString();
    }

    private static void Rows(StringBuilder sb, Type type, object defaults, string prefix)
    {
        foreach (var key in Declared.KeysOf(type))
        {
            var path = prefix + key.Name;
            var value = key.Property.GetValue(defaults);
            var propertyType = key.Property.PropertyType;
            var itemType = propertyType.IsGenericType && propertyType.GetGenericTypeDefinition() == typeof(List<>) ? propertyType.GetGenericArguments()[0] : null;
            var allowed = propertyType.IsEnum
                ? string.Join(", ", Enum.GetNames(propertyType).Select(Naming.Snake))
                : propertyType == typeof(double) || propertyType == typeof(int) || propertyType == typeof(Distribution) ? Binder.RangeText(key.Param) : string.Empty;
            var units = key.Param.Unit == UnitKind.None ? string.Empty : string.Join(" ", UnitParser.UnitsOf(key.Param.Unit));
            sb.Append(CultureInfo.InvariantCulture, $"| `{path}` | {(Declared.IsSection(propertyType) ? "(section)" : Format(value))} | {units} | {allowed} | {key.Param.Description} |\n");
            if (Declared.IsSection(propertyType))
            {
                Rows(sb, propertyType, value!, path + ".");
            }
            else if (itemType is not null && Declared.IsSection(itemType))
            {
                Rows(sb, itemType, Activator.CreateInstance(itemType)!, path + "[].");
            }
        }
    }

    private static JsonObject Section(Type type, object defaults)
    {
        var properties = new JsonObject();
        foreach (var key in Declared.KeysOf(type))
        {
            properties[key.Name] = Property(key, key.Property.GetValue(defaults));
        }

        var section = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = properties,
            ["additionalProperties"] = false,
        };
        if (type == typeof(PolicyConfig))
        {
            return new JsonObject { ["anyOf"] = new JsonArray(new JsonObject { ["type"] = "string" }, section) };
        }

        return section;
    }

    private static JsonObject Property(Declared.Key key, object? value)
    {
        var type = key.Property.PropertyType;
        var p = key.Param;
        JsonObject schema;
        if (Declared.IsSection(type))
        {
            schema = Section(type, value!);
        }
        else if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            var item = type.GetGenericArguments()[0];
            var itemSchema = Declared.IsSection(item) ? Section(item, Activator.CreateInstance(item)!) : Scalar(item, p);
            schema = new JsonObject { ["type"] = "array", ["items"] = itemSchema };
            if (item == typeof(string))
            {
                schema = new JsonObject { ["anyOf"] = new JsonArray(new JsonObject { ["type"] = "string" }, schema) };
            }
        }
        else if (type == typeof(Dictionary<string, Node>))
        {
            schema = new JsonObject { ["type"] = "object" };
        }
        else
        {
            schema = Scalar(type, p);
            if (!(type == typeof(Distribution) && value is Distribution { Kind: not DistributionKind.Constant }))
            {
                schema["default"] = JsonValue.Create(Format(value));
            }
        }

        schema["description"] = p.Description;
        return schema;
    }

    private static JsonObject Scalar(Type type, ParamAttribute p)
    {
        if (type == typeof(bool))
        {
            return new JsonObject { ["type"] = "boolean" };
        }

        if (type == typeof(int) || type == typeof(ulong))
        {
            var o = new JsonObject { ["type"] = "integer" };
            if (!double.IsNegativeInfinity(p.Min))
            {
                o["minimum"] = p.Min;
            }

            return o;
        }

        if (type.IsEnum)
        {
            return new JsonObject { ["enum"] = new JsonArray(Enum.GetNames(type).Select(n => (JsonNode)JsonValue.Create(Naming.Snake(n))!).ToArray()) };
        }

        if (type == typeof(string))
        {
            return new JsonObject { ["type"] = "string" };
        }

        var number = p.Unit == UnitKind.None
            ? new JsonObject { ["type"] = "number" }
            : new JsonObject { ["anyOf"] = new JsonArray(new JsonObject { ["type"] = "string", ["pattern"] = UnitParser.Pattern(p.Unit) }, new JsonObject { ["type"] = "number" }) };
        if (type == typeof(List<double>))
        {
            return new JsonObject { ["type"] = "array", ["items"] = number };
        }

        if (type != typeof(Distribution))
        {
            return number;
        }

        var forms = new JsonArray(
            number.DeepClone(),
            new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["uniform"] = new JsonObject { ["type"] = "array", ["items"] = number.DeepClone(), ["minItems"] = 2, ["maxItems"] = 2 } }, ["required"] = new JsonArray("uniform"), ["additionalProperties"] = false },
            new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["exponential"] = number.DeepClone() }, ["required"] = new JsonArray("exponential"), ["additionalProperties"] = false });
        if (p.AllowNone)
        {
            forms.Add(new JsonObject { ["const"] = "none" });
        }

        return new JsonObject { ["anyOf"] = forms };
    }

    private static string Format(object? value) => value switch
    {
        null => string.Empty,
        double d => d.ToString("G6", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        Enum e => Naming.Snake(e.ToString()),
        System.Collections.IEnumerable list when value is not string => "[" + string.Join(", ", list.Cast<object>().Select(Format)) + "]",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };
}
