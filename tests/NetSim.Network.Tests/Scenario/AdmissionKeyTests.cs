using NetSim.Network.Scheduling;

namespace NetSim.Network.Tests.Scenario;

/// <summary>The uplink grant and admission keys: their values, defaults and errors.</summary>
public class AdmissionKeyTests
{
    private static IReadOnlyList<string> Errors(string yaml)
    {
        using var dir = new TempScenario();
        dir.Write("s.yaml", yaml);
        return dir.Errors("s.yaml", []);
    }

    private static Network.Building.WorldSpec Spec(string yaml)
    {
        using var dir = new TempScenario();
        dir.Write("s.yaml", yaml);
        var result = dir.Load("s.yaml", []);
        Assert.True(result.Ok, string.Join("\n", result.Errors));
        return NetSim.Network.Scenario.ScenarioMapper.ToSpec(result.Scenario!, 1);
    }

    [Fact]
    public void Given_no_grant_or_admission_keys_Then_grants_are_unbounded_and_admission_is_off()
    {
        var spec = Spec("base_stations: {count: 1}\n");

        Assert.Equal(int.MaxValue, spec.MaxGrants);
        Assert.False(spec.Admission.Enabled);
    }

    [Fact]
    public void Given_every_grant_and_admission_key_Then_each_reaches_the_world_spec()
    {
        var spec = Spec("base_stations:\n  coverage: 1km\n  uplink: {max_grants: 4, discipline: fifo}\n  admission: {queue_tasks: 8, queue_work: 2GFLOP, deadline: true, fallback: drop}\n");

        Assert.Equal(4, spec.MaxGrants);
        Assert.Equal(new Admission(8, 2e9, true, 1000, FallbackKind.Drop), spec.Admission);
    }

    [Fact]
    public void Given_unbounded_and_unlimited_written_out_Then_they_read_as_no_limit()
    {
        var spec = Spec("base_stations:\n  coverage: unlimited\n  uplink: {max_grants: unbounded}\n  admission: {queue_tasks: unlimited, queue_work: unlimited}\n");

        Assert.Equal(int.MaxValue, spec.MaxGrants);
        Assert.False(spec.Admission.Enabled);
    }

    [Fact]
    public void Given_a_word_for_max_grants_When_loaded_Then_the_error_is_located_and_says_what_is_expected()
    {
        var errors = Errors("base_stations:\n  uplink:\n    max_grants: lots\n");

        Assert.Equal(["s.yaml:3:17: base_stations.uplink.max_grants: 'lots' is not a whole number (expected >= 1 and <= 1000000 or unbounded)"], errors);
    }

    [Fact]
    public void Given_zero_grants_When_loaded_Then_it_is_out_of_range()
    {
        var errors = Errors("base_stations:\n  uplink: {max_grants: 0}\n");

        Assert.Equal(["s.yaml:2:24: base_stations.uplink.max_grants: 0 is out of range (expected >= 1 and <= 1000000 or unbounded)"], errors);
    }

    [Fact]
    public void Given_an_unknown_fallback_or_discipline_When_loaded_Then_the_expected_values_are_listed()
    {
        var errors = Errors("base_stations:\n  uplink: {discipline: lifo}\n  admission: {fallback: elsewhere}\n");

        Assert.Equal(
            [
                "s.yaml:2:24: base_stations.uplink.discipline: 'lifo' is not one of fifo (did you mean fifo?)",
                "s.yaml:3:25: base_stations.admission.fallback: 'elsewhere' is not one of local, cloud, drop",
            ],
            errors);
    }

    [Fact]
    public void Given_a_coverage_without_unit_When_loaded_Then_the_error_names_the_units_and_unlimited()
    {
        var errors = Errors("base_stations: {coverage: far}\n");

        var error = Assert.Single(errors);
        Assert.StartsWith("s.yaml:1:27: base_stations.coverage: 'far' is not a number with a unit", error);
        Assert.EndsWith(", or unlimited", error);
    }

    [Fact]
    public void Given_the_cloud_fallback_without_a_cloud_When_loaded_Then_it_is_refused_at_the_fallback()
    {
        var errors = Errors("cloud: {enabled: false}\nbase_stations:\n  admission: {fallback: cloud}\n");

        Assert.Equal(["s.yaml:3:25: base_stations.admission.fallback: the fallback is cloud but the scenario has no cloud (expected local or drop, or cloud.enabled: true)"], errors);
    }
}
