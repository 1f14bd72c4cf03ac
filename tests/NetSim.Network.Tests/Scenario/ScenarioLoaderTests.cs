using NetSim.Network.Scenario;
using NetSim.Network.Scenario.Config;

namespace NetSim.Network.Tests.Scenario;

public class ScenarioLoaderTests
{
    [Fact]
    public void Given_every_shipped_scenario_Then_it_validates()
    {
        var files = Repo.ShippedScenarios().ToList();

        Assert.Contains(files, f => f.EndsWith("quickstart.yaml", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var result = ScenarioLoader.Load(file);
            Assert.True(result.Ok, result.Report(file));
        }
    }

    [Fact]
    public void Given_no_values_Then_every_value_is_its_declared_default()
    {
        using var dir = new TempScenario();
        var result = ScenarioLoader.Load(dir.Write("empty.yaml", "# nothing\n"));

        Assert.True(result.Ok, result.Report("empty.yaml"));
        var c = result.Scenario!.Config;
        Assert.Equal(new UesConfig().Count, c.Ues.Count);
        Assert.Equal(20e6, c.BaseStations.Bandwidth);
        Assert.Equal("empty", result.Scenario.Name);
    }

    [Fact]
    public void Given_includes_and_overrides_Then_later_values_win_and_paths_are_relative_to_the_including_file()
    {
        using var dir = new TempScenario();
        Directory.CreateDirectory(Path.Combine(dir.Dir, "base"));
        dir.Write("base/topology.yaml", "ues: {count: 7, tx_power: 23dBm}\nbase_stations: {count: 3}\n");
        var path = dir.Write("exp.yaml", "include: base/topology.yaml\nues: {count: 9}\n");

        var result = ScenarioLoader.Load(path, ["base_stations.count=4", "cloud.cores=16"]);

        Assert.True(result.Ok, result.Report(path));
        var c = result.Scenario!.Config;
        Assert.Equal(9, c.Ues.Count);
        Assert.Equal(0.2, c.Ues.TxPower, 1e-3);
        Assert.Equal(4, c.BaseStations.Count);
        Assert.Equal(16, c.Cloud.Cores);
        Assert.Contains("count: 4", result.Scenario.ResolvedYaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_the_same_scenario_twice_Then_the_hash_is_stable_and_an_override_changes_it()
    {
        var file = Path.Combine(Repo.Scenarios, "quickstart.yaml");

        var a = ScenarioLoader.Load(file).Scenario!;
        var b = ScenarioLoader.Load(file).Scenario!;
        var c = ScenarioLoader.Load(file, ["seed=2"]).Scenario!;

        Assert.Equal(a.Sha256, b.Sha256);
        Assert.NotEqual(a.Sha256, c.Sha256);
        Assert.True(ScenarioLoader.Load(file).Ok);
    }

    [Fact]
    public void Given_the_resolved_yaml_When_loaded_again_Then_it_gives_the_same_configuration()
    {
        using var dir = new TempScenario();
        var first = ScenarioLoader.Load(Path.Combine(Repo.Scenarios, "quickstart.yaml")).Scenario!;
        var again = ScenarioLoader.Load(dir.Write("resolved.yaml", first.ResolvedYaml)).Scenario!;

        Assert.Equal(first.ResolvedYaml, again.ResolvedYaml);
        Assert.Equal(first.Config.Ues.TaskTypes[1].Deadline, again.Config.Ues.TaskTypes[1].Deadline);
    }
}
