using System.Text.Json;
using NetSim.Network.Scenario;
using NetSim.Network.Scenario.Binding;
using NetSim.Network.Scenario.Config;

namespace NetSim.Network.Tests.Scenario;

public class ScenarioSchemaTests
{
    [Fact]
    public void Given_the_declarations_Then_the_json_schema_parses_and_names_every_key_with_its_default()
    {
        using var doc = JsonDocument.Parse(ScenarioSchema.ToJson());
        var root = doc.RootElement.GetProperty("properties");

        foreach (var key in Declared.KeysOf(typeof(ScenarioConfig)))
        {
            Assert.True(root.TryGetProperty(key.Name, out _), $"schema lacks {key.Name}");
        }

        var count = root.GetProperty("ues").GetProperty("properties").GetProperty("count");
        Assert.Equal(new UesConfig().Count.ToString(System.Globalization.CultureInfo.InvariantCulture), count.GetProperty("default").GetString());
        Assert.Equal(1, count.GetProperty("minimum").GetDouble());
    }

    [Fact]
    public void Given_the_committed_reference_Then_it_matches_the_declarations()
    {
        var committed = File.ReadAllText(Path.Combine(Repo.Root, "docs", "scenario-reference.md"));

        Assert.Equal(ScenarioSchema.ToMarkdown(), committed.Replace("\r\n", "\n", StringComparison.Ordinal));
    }
}
