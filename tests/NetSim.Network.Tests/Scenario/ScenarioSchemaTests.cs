using System.Collections;
using System.Text.Json;
using NetSim.Network.Scenario;
using NetSim.Network.Scenario.Binding;
using NetSim.Network.Scenario.Config;
using NetSim.Network.Scenario.Documentation;
using NetSim.Network.Scenario.Units;

namespace NetSim.Network.Tests.Scenario;

/// <summary>The schema and the reference come from the declarations and agree with a fresh config instance.</summary>
public class ScenarioSchemaTests
{
    private const string UpdateVariable = "NETSIM_UPDATE_REFERENCE";

    [Fact]
    public void Given_the_declarations_When_the_schema_is_generated_Then_it_parses_as_draft_2020_12_and_names_every_key()
    {
        using var doc = JsonDocument.Parse(ScenarioSchema.ToJson());

        Assert.Equal("https://json-schema.org/draft/2020-12/schema", doc.RootElement.GetProperty("$schema").GetString());
        foreach (var (path, _) in Declared.Walk(typeof(ScenarioConfig)))
        {
            var property = Find(doc.RootElement, path);
            Assert.True(property.HasValue, $"the schema lacks {path}");
            Assert.False(string.IsNullOrEmpty(property.Value.GetProperty("description").GetString()), $"{path} has no description");
        }
    }

    [Fact]
    public void Given_a_fresh_config_When_the_schema_defaults_are_read_back_Then_each_equals_the_instance_value()
    {
        using var doc = JsonDocument.Parse(ScenarioSchema.ToJson());
        var checkedKeys = 0;

        foreach (var (path, key, value) in Leaves(typeof(ScenarioConfig), new ScenarioConfig(), string.Empty))
        {
            var property = Find(doc.RootElement, path)!.Value;
            if (!key.HasDefault)
            {
                Assert.False(property.TryGetProperty("default", out _), $"{path} is required but the schema gives a default");
                continue;
            }

            var json = property.GetProperty("default");
            if (Declared.ItemType(key.Type) is { } item && Declared.IsSection(item))
            {
                Assert.Equal(((IList)value!).Count, json.GetArrayLength());
                continue;
            }

            Assert.Equal(Expected(value, key), Read(json, key));
            checkedKeys++;
        }

        Assert.True(checkedKeys > 60, $"only {checkedKeys} defaults checked");
    }

    [Fact]
    public void Given_the_declarations_When_the_schema_is_generated_Then_enums_ranges_required_keys_and_unit_patterns_are_in_it()
    {
        using var doc = JsonDocument.Parse(ScenarioSchema.ToJson());

        var epoch = Find(doc.RootElement, "scheduler.epoch")!.Value;
        Assert.Equal(["arrival", "slot", "batch"], epoch.GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        var count = Find(doc.RootElement, "ues.count")!.Value;
        Assert.Equal(1, count.GetProperty("minimum").GetDouble());
        Assert.Equal(1_000_000, count.GetProperty("maximum").GetDouble());
        Assert.Equal(10, count.GetProperty("default").GetInt32());
        var model = doc.RootElement.GetProperty("properties").GetProperty("models").GetProperty("items");
        Assert.Contains("name", model.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        var pattern = Find(doc.RootElement, "base_stations.bandwidth")!.Value.GetProperty("pattern").GetString()!;
        Assert.Matches(pattern, "20MHz");
        Assert.DoesNotMatch(pattern, "20ms");
        var scheduler = doc.RootElement.GetProperty("properties").GetProperty("scheduler");
        Assert.Contains("\"slot\"", scheduler.GetProperty("allOf").GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Given_the_reference_When_generated_Then_every_key_has_a_row_with_its_default()
    {
        var reference = ScenarioSchema.ToMarkdown();

        foreach (var (path, key, value) in Leaves(typeof(ScenarioConfig), new ScenarioConfig(), string.Empty))
        {
            var row = reference.Split('\n').SingleOrDefault(l => l.StartsWith($"| `{Doc(path)}` |", StringComparison.Ordinal));
            Assert.True(row is not null, $"no row for {path}");
            Assert.Contains(DefaultValue.Text(key, value).Replace("|", "\\|", StringComparison.Ordinal), row, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Given_the_committed_reference_When_compared_Then_it_matches_the_declarations()
    {
        var file = Path.Combine(Repo.Root, "docs", "scenario-reference.md");
        var generated = ScenarioSchema.ToMarkdown();
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(file, generated);
        }

        var committed = File.ReadAllText(file).Replace("\r\n", "\n", StringComparison.Ordinal);

        Assert.True(generated == committed, $"docs/scenario-reference.md is out of date: run the tests with {UpdateVariable}=1 (or netsim schema --markdown) and commit it");
    }

    /// <summary>Every non-section key with its path (list entries by index 0) and its value in <paramref name="instance"/>.</summary>
    private static IEnumerable<(string Path, DeclaredKey Key, object? Value)> Leaves(Type type, object instance, string prefix)
    {
        foreach (var key in Declared.KeysOf(type))
        {
            var value = key.Property.GetValue(instance);
            var path = prefix + key.Name;
            if (Declared.IsSection(key.Type))
            {
                foreach (var leaf in Leaves(key.Type, value!, path + "."))
                {
                    yield return leaf;
                }

                continue;
            }

            yield return (path, key, value);
            if (Declared.ItemType(key.Type) is { } item && Declared.IsSection(item))
            {
                foreach (var leaf in Leaves(item, ((IList)value!)[0]!, path + ".0."))
                {
                    yield return leaf;
                }
            }
        }
    }

    private static string Doc(string path) => path.Replace(".0.", "[].", StringComparison.Ordinal);

    /// <summary>The schema of the key at <paramref name="path"/> (list entries as <c>name[]</c> or <c>name.0</c>).</summary>
    private static JsonElement? Find(JsonElement schema, string path)
    {
        var node = schema;
        foreach (var part in path.Replace("[]", ".0", StringComparison.Ordinal).Split('.'))
        {
            if (part == "0")
            {
                node = node.GetProperty("items");
                continue;
            }

            var section = node.TryGetProperty("anyOf", out var any) ? any.EnumerateArray().First(a => a.TryGetProperty("properties", out _)) : node;
            if (!section.TryGetProperty("properties", out var properties) || !properties.TryGetProperty(part, out node))
            {
                return null;
            }
        }

        return node;
    }

    /// <summary>A default from the schema, as the loader would read it (numbers with units through the unit parser).</summary>
    private static string Read(JsonElement json, DeclaredKey key) => json.ValueKind switch
    {
        JsonValueKind.String when key.Param.NoLimit is { } word && json.GetString() == word =>
            (key.Type == typeof(int) ? int.MaxValue : double.PositiveInfinity).ToString("G12", System.Globalization.CultureInfo.InvariantCulture),
        JsonValueKind.String when key.Param.Unit != UnitKind.None && json.GetString() != "none" => Si(json.GetString()!, key.Param.Unit),
        JsonValueKind.Array => "[" + string.Join(", ", json.EnumerateArray().Select(e => Read(e, key))) + "]",
        JsonValueKind.Object => "{" + string.Join(", ", json.EnumerateObject().Select(p => $"{p.Name}: {Read(p.Value, key)}")) + "}",
        JsonValueKind.Number => json.GetDouble().ToString("G12", System.Globalization.CultureInfo.InvariantCulture),
        _ => json.ToString()!.ToLowerInvariant(),
    };

    private static string Si(string text, UnitKind unit)
    {
        Assert.Null(UnitParser.TryParse(text, unit, out var value));
        return value.ToString("G12", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The instance value in the same form as <see cref="Read"/>.</summary>
    private static string Expected(object? value, DeclaredKey key) => value switch
    {
        double d => d.ToString("G12", System.Globalization.CultureInfo.InvariantCulture),
        int or ulong => Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture).ToString("G12", System.Globalization.CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        Enum e => Naming.Snake(e.ToString()),
        Distribution { Kind: DistributionKind.None } => "none",
        Distribution { Kind: DistributionKind.Constant } d => Expected(d.A, key),
        Distribution { Kind: DistributionKind.Uniform } d => $"{{uniform: [{Expected(d.A, key)}, {Expected(d.B, key)}]}}",
        Distribution d => $"{{exponential: {Expected(d.A, key)}}}",
        string s => s.ToLowerInvariant(),
        IDictionary => "{}",
        IList list => "[" + string.Join(", ", list.Cast<object?>().Select(x => Expected(x, key))) + "]",
        _ => value?.ToString() ?? string.Empty,
    };
}
