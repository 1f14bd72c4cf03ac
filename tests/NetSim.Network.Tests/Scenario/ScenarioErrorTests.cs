using NetSim.Network.Scenario;

namespace NetSim.Network.Tests.Scenario;

public class ScenarioErrorTests
{
    private static IReadOnlyList<string> Errors(string yaml, params string[] overrides)
    {
        using var dir = new TempScenario();
        var path = dir.Write("s.yaml", yaml);
        var result = ScenarioLoader.Load(path, overrides);
        Assert.False(result.Ok);
        return result.Errors.Select(e => e.ToString().Replace(path, "s.yaml", StringComparison.Ordinal)).ToList();
    }

    [Fact]
    public void Given_an_unknown_key_Then_it_is_located_with_a_did_you_mean()
    {
        var errors = Errors("ues:\n  count: 3\n  tx_pwer: 20dBm\n");

        Assert.Equal(["s.yaml:3:3: ues.tx_pwer: unknown key (did you mean ues.tx_power?)"], errors);
    }

    [Fact]
    public void Given_a_wrong_unit_Then_it_is_located_at_the_value()
    {
        var errors = Errors("duration: 10MHz\n");

        Assert.Single(errors);
        Assert.StartsWith("s.yaml:1:11: duration: 'MHz' is not a unit of a time", errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Given_values_out_of_range_nan_and_of_the_wrong_type_Then_every_one_is_reported_at_once()
    {
        var errors = Errors("ues:\n  count: 0\n  tx_power: NaN dBm\nbase_stations:\n  server:\n    cores: [1, 2]\ndrain: maybe\n");

        Assert.Equal(4, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("s.yaml:2:10: ues.count: 0 is out of range (expected >= 1)", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("s.yaml:3:13: ues.tx_power: 'NaN dBm' is not a finite number", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("s.yaml:6:12: base_stations.server.cores: expected", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("s.yaml:7:8: drain: 'maybe' is not true or false", StringComparison.Ordinal));
    }

    [Fact]
    public void Given_a_task_type_naming_a_missing_model_Then_the_error_points_at_it()
    {
        var errors = Errors("models:\n  - name: sd\nues:\n  task_types:\n    - name: a\n      model: sdd\n");

        Assert.Equal(["s.yaml:6:14: ues.task_types.0.model: no model named 'sdd' (models: sd); did you mean sd?"], errors);
    }

    [Fact]
    public void Given_a_yaml_syntax_error_Then_it_is_located()
    {
        var errors = Errors("ues:\n  count: 3\n   tx_power: 20dBm\n");

        Assert.Single(errors);
        Assert.Matches(@"^s\.yaml:3:\d+: \(top\): YAML syntax: ", errors[0]);
    }

    [Fact]
    public void Given_a_duplicate_key_or_a_tag_Then_each_is_an_error()
    {
        var errors = Errors("seed: 1\nseed: 2\nname: !!python/object x\n");

        Assert.Equal(2, errors.Count);
        Assert.StartsWith("s.yaml:2:1: seed: duplicate key (first given at line 1)", errors[0], StringComparison.Ordinal);
        Assert.StartsWith("s.yaml:3:7: name: tag tag:yaml.org,2002:python/object", errors[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_missing_include_Then_the_error_is_at_the_include_line()
    {
        var errors = Errors("seed: 1\ninclude: nowhere.yaml\n");

        Assert.Single(errors);
        Assert.StartsWith("s.yaml:2:10: include: cannot read", errors[0], StringComparison.Ordinal);
        Assert.EndsWith("nowhere.yaml: no such file", errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Given_an_include_cycle_Then_it_is_reported_with_the_chain()
    {
        using var dir = new TempScenario();
        dir.Write("b.yaml", "include: a.yaml\n");
        var a = dir.Write("a.yaml", "include: b.yaml\nseed: 3\n");

        var result = ScenarioLoader.Load(a);

        var error = Assert.Single(result.Errors);
        Assert.Contains("b.yaml:1:10: include: include cycle: a.yaml -> b.yaml -> a.yaml", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_bad_override_Then_it_is_reported_at_its_position_with_a_did_you_mean()
    {
        var errors = Errors("seed: 1\n", "ues.count=4", "ues.cont=3");

        Assert.Equal(["--set:2:1: ues.cont: unknown key (did you mean ues.count?)"], errors);
    }

    [Fact]
    public void Given_points_that_do_not_match_the_count_Then_the_error_names_both()
    {
        var errors = Errors("ues:\n  count: 3\n  placement:\n    kind: points\n    points: [[0m, 0m]]\n");

        Assert.Equal(["s.yaml:5:13: ues.placement.points: 1 points for 3 nodes (one point per node expected)"], errors);
    }
}
