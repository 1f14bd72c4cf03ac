using NetSim.Network.Scenario;
using NetSim.Network.Scenario.Config;

namespace NetSim.Network.Tests.Scenario;

public class ScenarioLoaderTests
{
    [Fact]
    public void Given_every_shipped_scenario_When_loaded_Then_it_validates()
    {
        var files = Repo.ShippedScenarios().ToList();

        Assert.Contains(files, f => f.EndsWith("quickstart.yaml", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith(Path.Combine("papers", "zhou2024", "zhou2024.yaml"), StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith(Path.Combine("papers", "wang2025", "wang2025.yaml"), StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith(Path.Combine("papers", "wang2024", "wang2024.yaml"), StringComparison.Ordinal));
        Assert.True(files.Count >= 10, $"{files.Count} shipped scenarios (quickstart, 4 queueing, 5 of the papers at least)");
        foreach (var file in files)
        {
            var result = ScenarioLoader.Load(file);
            Assert.True(result.Ok, result.Report(file));
        }
    }

    [Fact]
    public void Given_the_quickstart_When_loaded_Then_its_values_are_in_si_units()
    {
        var c = ScenarioLoader.Load(Path.Combine(Repo.Scenarios, "quickstart.yaml")).Scenario!.Config;

        Assert.Equal(20, c.Duration);
        Assert.Equal(10, c.Ues.Count);
        Assert.Equal(500, c.Ues.Placement.Radius);
        Assert.Equal(5, c.Ues.Arrivals.Rate);
        Assert.Equal(0.1, c.Ues.TxPower, 1e-15);
        Assert.Equal(1e-13, c.BaseStations.Noise, 1e-25);
        Assert.Equal(20e6, c.BaseStations.Bandwidth);
        Assert.Equal(Distribution.Uniform(800e3, 1600e3), c.Ues.TaskTypes[0].Size);
        Assert.Equal(Distribution.Constant(0.5), c.Ues.TaskTypes[0].Deadline);
        Assert.Equal(Distribution.None, c.Ues.TaskTypes[1].Deadline);
        Assert.Equal(["stable-diffusion", "llm-small"], c.Models.Select(m => m.Name));
        Assert.Equal(200e6, c.Models[0].Work.Server);
        Assert.Equal(32e9, c.Models[0].Size);
        Assert.Equal("nearest", c.Policy.Name);
    }

    [Fact]
    public void Given_an_empty_file_When_loaded_Then_every_value_is_its_declared_default()
    {
        using var dir = new TempScenario();
        dir.Write("empty.yaml", "# nothing\n");

        var result = dir.Load("empty.yaml");

        Assert.True(result.Ok, result.Report("empty.yaml"));
        var c = result.Scenario!.Config;
        var fresh = new ScenarioConfig();
        Assert.Equal(fresh.Ues.Count, c.Ues.Count);
        Assert.Equal(fresh.BaseStations.Bandwidth, c.BaseStations.Bandwidth);
        Assert.Equal(fresh.Ues.TaskTypes[0].Size, c.Ues.TaskTypes[0].Size);
        Assert.Equal(fresh.Models[0].Name, c.Ues.TaskTypes[0].Model);
        Assert.Equal("empty", result.Scenario.Name);
    }

    [Fact]
    public void Given_a_download_power_When_mapped_Then_the_world_spec_has_it_in_watts_and_it_defaults_to_zero()
    {
        using var dir = new TempScenario();
        dir.Write("power.yaml", "base_stations: {backhaul: {download_power: 33dBm}}\n");
        dir.Write("empty.yaml", "# nothing\n");

        var set = ScenarioMapper.ToSpec(dir.Load("power.yaml").Scenario!, 1);
        var unset = ScenarioMapper.ToSpec(dir.Load("empty.yaml").Scenario!, 1);

        Assert.Equal(Math.Pow(10, 3.3) * 1e-3, set.DownloadPowerW, 1e-12);
        Assert.Equal(0.0, unset.DownloadPowerW);
    }

    [Fact]
    public void Given_a_file_that_does_not_exist_When_loaded_Then_the_error_names_it()
    {
        var result = ScenarioLoader.Load("no-such-scenario.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Equal("no-such-scenario.yaml:1:1: (top): cannot read no-such-scenario.yaml: no such file", error.ToString());
        Assert.Null(result.Scenario);
    }

    [Fact]
    public void Given_errors_When_reported_Then_each_is_on_its_line_and_a_summary_closes_the_list()
    {
        using var dir = new TempScenario();
        dir.Write("bad.yaml", "ues:\n  count: -3\nduration: 5MHz\ncloud: {cores: 0}\n");
        dir.Write("one.yaml", "seed: x\n");

        var three = dir.Load("bad.yaml").Report("bad.yaml").Split('\n');
        var one = dir.Load("one.yaml").Report("one.yaml").Split('\n');

        Assert.Equal(4, three.Length);
        Assert.Equal("3 errors in bad.yaml", three[^1]);
        Assert.Equal("1 error in one.yaml", one[^1]);
    }

    [Fact]
    public void Given_a_distribution_When_sampled_Then_it_draws_from_its_law()
    {
        var rng = new Random(7);

        var uniform = Enumerable.Range(0, 20_000).Select(_ => Distribution.Uniform(2, 4).Sample(rng)).ToList();
        var exponential = Enumerable.Range(0, 20_000).Select(_ => Distribution.Exponential(0.5).Sample(rng)).ToList();

        Assert.All(uniform, x => Assert.InRange(x, 2, 4));
        Assert.Equal(3, uniform.Average(), 0.02);
        Assert.All(exponential, x => Assert.True(x >= 0));
        Assert.Equal(0.5, exponential.Average(), 0.02);
        Assert.Equal(7, Distribution.Constant(7).Sample(rng));
        Assert.Equal(double.PositiveInfinity, Distribution.None.Sample(rng));
        Assert.Equal(3, Distribution.Uniform(2, 4).Mean);
    }
}
