using NetSim.Network.Scenario.Config;

namespace NetSim.Network.Tests.Scenario;

/// <summary>include: and --set: values, precedence, relative paths.</summary>
public class IncludeAndOverrideTests
{
    [Fact]
    public void Given_an_include_in_a_subfolder_When_loaded_Then_the_including_file_wins_and_untouched_values_come_through()
    {
        using var dir = new TempScenario();
        dir.Write("base/topology.yaml", "ues: {count: 7, tx_power: 23dBm}\nbase_stations: {count: 3}\n");
        dir.Write("exp.yaml", "include: base/topology.yaml\nues: {count: 9}\n");

        var result = dir.Load("exp.yaml");

        Assert.True(result.Ok, result.Report("exp.yaml"));
        var c = result.Scenario!.Config;
        Assert.Equal(9, c.Ues.Count);
        Assert.Equal(0.19952623149688797, c.Ues.TxPower, 1e-15);
        Assert.Equal(3, c.BaseStations.Count);
    }

    [Fact]
    public void Given_nested_includes_When_loaded_Then_each_resolves_relative_to_the_file_that_names_it()
    {
        using var dir = new TempScenario();
        dir.Write("common/radio.yaml", "base_stations: {bandwidth: 5MHz}\n");
        dir.Write("family/base.yaml", "include: ../common/radio.yaml\nbase_stations: {count: 4}\n");
        dir.Write("family/runs/one.yaml", "include: ../base.yaml\nseed: 11\n");

        var result = dir.Load("family/runs/one.yaml");

        Assert.True(result.Ok, result.Report("one.yaml"));
        Assert.Equal(5e6, result.Scenario!.Config.BaseStations.Bandwidth);
        Assert.Equal(4, result.Scenario.Config.BaseStations.Count);
        Assert.Equal(11UL, result.Scenario.Config.Seed);
    }

    [Fact]
    public void Given_a_list_of_includes_When_loaded_Then_later_includes_override_earlier_ones_and_the_file_overrides_both()
    {
        using var dir = new TempScenario();
        dir.Write("a.yaml", "seed: 1\nduration: 1s\ncloud: {cores: 2}\n");
        dir.Write("b.yaml", "seed: 2\ncloud: {compute: 1GHz}\n");
        dir.Write("s.yaml", "include: [a.yaml, b.yaml]\nseed: 3\n");

        var c = dir.Load("s.yaml").Scenario!.Config;

        Assert.Equal(3UL, c.Seed);
        Assert.Equal(1, c.Duration);
        Assert.Equal(2, c.Cloud.Cores);
        Assert.Equal(1e9, c.Cloud.Compute);
    }

    [Fact]
    public void Given_a_list_in_an_include_When_the_including_file_writes_the_list_Then_the_list_is_replaced_not_merged()
    {
        using var dir = new TempScenario();
        dir.Write("base.yaml", "models:\n  - {name: a, size: 1GB}\n  - {name: b, size: 2GB}\nues:\n  task_types: [{name: t, model: a}]\n");
        dir.Write("s.yaml", "include: base.yaml\nmodels:\n  - {name: a, size: 3GB}\n");

        var c = dir.Load("s.yaml").Scenario!.Config;

        var model = Assert.Single(c.Models);
        Assert.Equal(24e9, model.Size);
    }

    [Fact]
    public void Given_a_policy_name_in_an_include_When_the_including_file_adds_options_Then_both_are_kept()
    {
        using var dir = new TempScenario();
        dir.Write("base.yaml", "policy: greedy\n");
        dir.Write("s.yaml", "include: base.yaml\npolicy:\n  options: {alpha: 0.5}\n");

        var policy = dir.Load("s.yaml").Scenario!.Config.Policy;

        Assert.Equal("greedy", policy.Name);
        var alpha = policy.Options["alpha"];
        Assert.Equal("0.5", alpha.Value);
        Assert.Equal(3, alpha.Span.Line);
        Assert.Equal(20, alpha.Span.Column);
    }

    [Fact]
    public void Given_a_trace_file_named_in_an_included_file_When_loaded_Then_its_path_is_rebased_to_the_loaded_file()
    {
        using var dir = new TempScenario();
        dir.Write("family/arrivals.csv", "time,ue\n0.5,0\n");
        dir.Write("family/base.yaml", "ues: {count: 1, arrivals: {kind: trace, file: arrivals.csv}}\n");
        dir.Write("s.yaml", "include: family/base.yaml\n");

        var result = dir.Load("s.yaml");

        Assert.True(result.Ok, result.Report("s.yaml"));
        Assert.Equal("family/arrivals.csv", result.Scenario!.Config.Ues.Arrivals.File);
        Assert.Contains("file: family/arrivals.csv", result.Scenario.ResolvedYaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_overrides_When_loaded_Then_they_win_over_the_file_and_its_includes_and_the_last_one_wins()
    {
        using var dir = new TempScenario();
        dir.Write("base.yaml", "ues: {count: 7}\ncloud: {cores: 4}\n");
        dir.Write("s.yaml", "include: base.yaml\nues: {count: 9}\n");

        var result = dir.Load("s.yaml", "ues.count=20", "cloud.cores=16", "cloud.cores=32", "base_stations.server.compute=2GHz");

        Assert.True(result.Ok, result.Report("s.yaml"));
        var c = result.Scenario!.Config;
        Assert.Equal(20, c.Ues.Count);
        Assert.Equal(32, c.Cloud.Cores);
        Assert.Equal(2e9, c.BaseStations.Server.Compute);
        Assert.Equal(["ues.count=20", "cloud.cores=16", "cloud.cores=32", "base_stations.server.compute=2GHz"], result.Scenario.Overrides);
    }

    [Fact]
    public void Given_overrides_of_flow_collections_and_list_items_When_loaded_Then_they_replace_exactly_what_they_name()
    {
        using var dir = new TempScenario();
        dir.Write("s.yaml", "ues:\n  count: 2\n  task_types: [{name: t, model: m}]\nmodels:\n  - {name: m, size: 1GB}\n  - {name: n, size: 1GB}\n");

        var result = dir.Load(
            "s.yaml",
            "ues.placement={kind: points, points: [[0m, 0m], [10m, 5m]]}",
            "models.1.size=2GB",
            "ues.task_types.0.size={uniform: [1KB, 2KB]}",
            "ues.task_types.0.deadline=none");

        Assert.True(result.Ok, result.Report("s.yaml"));
        var c = result.Scenario!.Config;
        Assert.Equal(PlacementName.Points, c.Ues.Placement.Kind);
        Assert.Equal([10.0, 5.0], c.Ues.Placement.Points[1]);
        Assert.Equal(8e9, c.Models[0].Size);
        Assert.Equal(16e9, c.Models[1].Size);
        Assert.Equal(Distribution.Uniform(8e3, 16e3), c.Ues.TaskTypes[0].Size);
        Assert.Equal(Distribution.None, c.Ues.TaskTypes[0].Deadline);
    }

    [Fact]
    public void Given_an_override_When_loaded_Then_the_resolved_yaml_holds_it_and_the_hash_changes()
    {
        var file = Path.Combine(Repo.Scenarios, "quickstart.yaml");

        var plain = NetSim.Network.Scenario.ScenarioLoader.Load(file).Scenario!;
        var again = NetSim.Network.Scenario.ScenarioLoader.Load(file).Scenario!;
        var changed = NetSim.Network.Scenario.ScenarioLoader.Load(file, ["ues.count=20"]).Scenario!;

        Assert.Equal(plain.Sha256, again.Sha256);
        Assert.Equal(64, plain.Sha256.Length);
        Assert.NotEqual(plain.Sha256, changed.Sha256);
        Assert.Contains("count: 20", changed.ResolvedYaml, StringComparison.Ordinal);
        Assert.DoesNotContain("include", changed.ResolvedYaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_an_including_file_When_loaded_Then_the_resolved_yaml_is_self_contained_and_loads_to_the_same_configuration()
    {
        using var dir = new TempScenario();
        var mm1 = NetSim.Network.Scenario.ScenarioLoader.Load(Path.Combine(Repo.Scenarios, "queueing", "mm1.yaml")).Scenario!;
        dir.Write("resolved.yaml", mm1.ResolvedYaml);

        var again = dir.Load("resolved.yaml").Scenario!;

        Assert.Equal(mm1.ResolvedYaml, again.ResolvedYaml);
        Assert.Equal(mm1.Config.Ues.TaskTypes[0].Size, again.Config.Ues.TaskTypes[0].Size);
        Assert.Equal(mm1.Config.Channel.IdealRate, again.Config.Channel.IdealRate);
    }
}
