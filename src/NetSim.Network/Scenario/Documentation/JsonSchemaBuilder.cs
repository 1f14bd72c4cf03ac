using System.Text.Json.Nodes;
using NetSim.Network.Scenario.Binding;
using NetSim.Network.Scenario.Config;
using NetSim.Network.Scenario.Units;

namespace NetSim.Network.Scenario.Documentation;

/// <summary>Builds the JSON Schema (draft 2020-12) of scenario files from the key declarations.</summary>
public static class JsonSchemaBuilder
{
    /// <summary>The schema of the root section.</summary>
    public static JsonObject Build()
    {
        var schema = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = "https://netsim.example/scenario.schema.json",
            ["title"] = "NetSim scenario",
            ["description"] = "A NetSim scenario file. Values carry units (20MHz, 10ms, 150KB); see docs/scenario-reference.md.",
        };
        foreach (var (name, value) in Section(typeof(ScenarioConfig), new ScenarioConfig()))
        {
            schema[name] = value?.DeepClone();
        }

        return schema;
    }

    private static JsonObject Section(Type type, object defaults)
    {
        var keys = Declared.KeysOf(type);
        var properties = new JsonObject();
        foreach (var key in keys)
        {
            properties[key.Name] = Property(key, key.Property.GetValue(defaults));
        }

        var section = new JsonObject { ["type"] = "object", ["properties"] = properties, ["additionalProperties"] = false };
        var required = keys.Where(k => k.Param.Required).Select(k => (JsonNode)k.Name).ToArray();
        if (required.Length > 0)
        {
            section["required"] = new JsonArray(required);
        }

        var conditions = keys.Where(k => k.WhenKey is not null).Select(Condition).ToArray();
        if (conditions.Length > 0)
        {
            section["allOf"] = new JsonArray(conditions);
        }

        return type == typeof(PolicyConfig)
            ? new JsonObject { ["anyOf"] = new JsonArray(new JsonObject { ["type"] = "string" }, section) }
            : section;
    }

    /// <summary><c>if: {sibling in values}, then: {required: [key]}</c>.</summary>
    private static JsonNode Condition(DeclaredKey key) => new JsonObject
    {
        ["if"] = new JsonObject
        {
            ["properties"] = new JsonObject { [key.WhenKey!] = new JsonObject { ["enum"] = new JsonArray(key.WhenValues.Select(v => (JsonNode)v).ToArray()) } },
            ["required"] = new JsonArray(key.WhenKey!),
        },
        ["then"] = new JsonObject { ["required"] = new JsonArray(key.Name) },
    };

    private static JsonObject Property(DeclaredKey key, object? value)
    {
        var type = key.Type;
        var schema = Declared.IsSection(type) ? Section(type, value!)
            : Declared.ItemType(type) is { } item ? List(item, key.Param)
            : Declared.IsFreeMap(type) ? new JsonObject { ["type"] = "object" }
            : Value(type, key.Param);
        schema["description"] = key.RequirementText.Length == 0 ? key.Param.Description : $"{key.Param.Description} ({key.RequirementText})";
        if (!Declared.IsSection(type) && DefaultValue.Json(key, value) is { } def)
        {
            schema["default"] = def;
        }

        return schema;
    }

    private static JsonObject List(Type item, ParamAttribute p)
    {
        var items = Declared.IsSection(item) ? Section(item, Activator.CreateInstance(item)!) : Value(item, p);
        var list = new JsonObject { ["type"] = "array", ["items"] = items };
        if (Declared.IsSection(item) && !double.IsNegativeInfinity(p.Min))
        {
            list["minItems"] = (int)p.Min;
        }

        return item == typeof(string)
            ? new JsonObject { ["anyOf"] = new JsonArray(new JsonObject { ["type"] = "string" }, list) }
            : list;
    }

    private static JsonObject Value(Type type, ParamAttribute p)
    {
        var bare = BareValue(type, p);
        return p.NoLimit is { } word && (type == typeof(int) || type == typeof(double))
            ? new JsonObject { ["anyOf"] = new JsonArray(bare, new JsonObject { ["const"] = word }) }
            : bare;
    }

    private static JsonObject BareValue(Type type, ParamAttribute p)
    {
        if (type == typeof(bool))
        {
            return new JsonObject { ["type"] = "boolean" };
        }

        if (type == typeof(string))
        {
            return new JsonObject { ["type"] = "string" };
        }

        if (type.IsEnum)
        {
            return new JsonObject { ["type"] = "string", ["enum"] = new JsonArray(Enum.GetNames(type).Select(n => (JsonNode)Naming.Snake(n)).ToArray()) };
        }

        if (type == typeof(int) || type == typeof(ulong))
        {
            return Bounded(new JsonObject { ["type"] = "integer" }, p);
        }

        if (Declared.ItemType(type) is { } item)
        {
            return List(item, p);
        }

        var number = Number(p);
        return type == typeof(Distribution) ? Distribution(number, p) : number;
    }

    private static JsonObject Number(ParamAttribute p)
    {
        var bare = Bounded(new JsonObject { ["type"] = "number" }, p);
        if (p.Unit == UnitKind.None)
        {
            return bare;
        }

        var text = new JsonObject { ["type"] = "string", ["pattern"] = UnitParser.Pattern(p.Unit) };
        if (UnitTable.AllowsAnyBare(p.Unit))
        {
            return new JsonObject { ["anyOf"] = new JsonArray(bare, text) };
        }

        return p.Unit != UnitKind.Power && Ranges.Contains(p, 0)
            ? new JsonObject { ["anyOf"] = new JsonArray(text, new JsonObject { ["const"] = 0 }) }
            : text;
    }

    private static JsonObject Distribution(JsonObject number, ParamAttribute p)
    {
        var forms = new JsonArray(
            number.DeepClone(),
            new JsonObject
            {
                ["type"] = "object",
                ["properties"] = new JsonObject { ["uniform"] = new JsonObject { ["type"] = "array", ["items"] = number.DeepClone(), ["minItems"] = 2, ["maxItems"] = 2 } },
                ["required"] = new JsonArray("uniform"),
                ["additionalProperties"] = false,
            },
            new JsonObject
            {
                ["type"] = "object",
                ["properties"] = new JsonObject { ["exponential"] = number.DeepClone() },
                ["required"] = new JsonArray("exponential"),
                ["additionalProperties"] = false,
            });
        if (p.AllowNone)
        {
            forms.Add(new JsonObject { ["const"] = "none" });
        }

        return new JsonObject { ["anyOf"] = forms };
    }

    private static JsonObject Bounded(JsonObject schema, ParamAttribute p)
    {
        if (!double.IsNegativeInfinity(p.Min))
        {
            schema[p.MinExclusive ? "exclusiveMinimum" : "minimum"] = p.Min;
        }

        if (!double.IsPositiveInfinity(p.Max))
        {
            schema[p.MaxExclusive ? "exclusiveMaximum" : "maximum"] = p.Max;
        }

        return schema;
    }
}
