namespace NetSim.Network.Tests.Scenario;

/// <summary>Each class of scenario error, with its message, line and column.</summary>
public class ScenarioErrorTests
{
    private static IReadOnlyList<string> Errors(string yaml, params string[] overrides)
    {
        using var dir = new TempScenario();
        dir.Write("s.yaml", yaml);
        return dir.Errors("s.yaml", overrides);
    }

    [Fact]
    public void Given_an_unknown_key_When_loaded_Then_it_is_located_with_a_did_you_mean()
    {
        var errors = Errors("ues:\n  count: 3\n  tx_pwer: 20dBm\n");

        Assert.Equal(["s.yaml:3:3: ues.tx_pwer: unknown key (did you mean ues.tx_power?)"], errors);
    }

    [Fact]
    public void Given_an_unknown_key_far_from_every_key_When_loaded_Then_the_valid_keys_are_listed()
    {
        var errors = Errors("cloud:\n  wormhole: true\n");

        Assert.Equal(["s.yaml:2:3: cloud.wormhole: unknown key (expected one of: enabled, compute, cores, kappa)"], errors);
    }

    [Fact]
    public void Given_a_needed_model_larger_than_the_edge_cache_When_loaded_Then_the_error_is_at_its_size()
    {
        var errors = Errors(
            "base_stations:\n  server:\n    cache: {capacity: 1GB}\nues:\n  task_types:\n    - {name: t, model: big}\nmodels:\n  - {name: small, size: 1GB}\n  - {name: big, size: 2GB}\n");

        Assert.Equal(["s.yaml:9:23: models.1.size: model 'big' (2GB) is larger than an edge cache (1GB), so no edge could ever hold it (expected at most base_stations.server.cache.capacity)"], errors);
    }

    [Fact]
    public void Given_a_wrong_unit_When_loaded_Then_the_error_is_at_the_value_and_lists_the_units()
    {
        var errors = Errors("seed: 4\nduration: 10MHz\n");

        Assert.Equal(["s.yaml:2:11: duration: 'MHz' is not a unit of a time (expected a time in s, ms, us, ns, min, h)"], errors);
    }

    [Fact]
    public void Given_a_number_without_its_unit_When_loaded_Then_the_error_says_a_unit_is_needed()
    {
        var errors = Errors("base_stations:\n  bandwidth: 20\n");

        Assert.Equal(["s.yaml:2:14: base_stations.bandwidth: '20' has no unit (expected a bandwidth in Hz, kHz, MHz, GHz)"], errors);
    }

    [Fact]
    public void Given_values_out_of_range_When_loaded_Then_the_range_is_given_with_units()
    {
        var errors = Errors("duration: -5s\nues:\n  count: 0\n  tx_power: 0W\n");

        Assert.Equal(
        [
            "s.yaml:1:11: duration: -5s is out of range (expected > 0s)",
            "s.yaml:3:10: ues.count: 0 is out of range (expected >= 1 and <= 1000000)",
            "s.yaml:4:13: ues.tx_power: 0W is out of range (expected > 0W)",
        ], errors);
    }

    [Fact]
    public void Given_nan_and_infinite_numbers_When_loaded_Then_each_is_rejected()
    {
        var errors = Errors("ues:\n  tx_power: NaN dBm\nquality:\n  c1: .inf\n  c2: .nan\n");

        Assert.Equal(
        [
            "s.yaml:2:13: ues.tx_power: 'NaN dBm' is not a finite number (expected a power in W, mW, dBm, dBW)",
            "s.yaml:4:7: quality.c1: '.inf' is not a finite number (expected a plain number)",
            "s.yaml:5:7: quality.c2: '.nan' is not a finite number (expected a plain number)",
        ], errors);
    }

    [Fact]
    public void Given_values_of_the_wrong_type_When_loaded_Then_each_says_what_was_expected()
    {
        var errors = Errors("drain: maybe\nues: [1, 2]\ncloud:\n  cores: 2.5\n  compute: {fast: true}\nscheduler:\n  epoch: slots\n  slot: 1ms\nname: [a]\n");

        Assert.Equal(
        [
            "s.yaml:1:8: drain: 'maybe' is not true or false",
            "s.yaml:2:6: ues: expected a mapping with keys count, placement, compute, tx_power, mobility, energy, arrivals, task_types, found a list",
            "s.yaml:4:10: cloud.cores: '2.5' is not a whole number (expected >= 1 and <= 100000)",
            "s.yaml:5:12: cloud.compute: expected a compute rate with a unit (FLOPS, KFLOPS, MFLOPS, GFLOPS, TFLOPS, Hz, kHz, MHz, GHz), found a mapping",
            "s.yaml:7:10: scheduler.epoch: 'slots' is not one of arrival, slot, batch (did you mean slot?)",
            "s.yaml:9:7: name: expected text, found a list",
        ], errors);
    }

    [Fact]
    public void Given_an_empty_value_When_loaded_Then_it_is_an_error_not_a_silent_default()
    {
        var errors = Errors("duration:\nseed: 2\n");

        Assert.Equal(["s.yaml:1:10: duration: no value (expected a time with a unit (s, ms, us, ns, min, h))"], errors);
    }

    [Fact]
    public void Given_a_task_type_naming_a_missing_model_When_loaded_Then_the_error_points_at_it_with_a_did_you_mean()
    {
        var errors = Errors("models:\n  - name: sd\nues:\n  task_types:\n    - name: a\n      model: sdd\n");

        Assert.Equal(["s.yaml:6:14: ues.task_types.0.model: no model named 'sdd' (models: sd); did you mean sd?"], errors);
    }

    [Fact]
    public void Given_models_without_task_types_When_loaded_Then_the_error_explains_the_default_task_type()
    {
        var errors = Errors("models:\n  - name: sd\n");

        Assert.Equal(["s.yaml:2:3: models: ues.task_types is not written, and the default task type needs a model named 'default' (models: sd); write ues.task_types"], errors);
    }

    [Fact]
    public void Given_missing_required_keys_When_loaded_Then_each_is_reported_at_its_mapping()
    {
        var errors = Errors("models:\n  - size: 1GB\nues:\n  task_types:\n    - {name: t, model: default}\n");

        Assert.Equal(["s.yaml:2:5: models.0.name: missing key (required: model name)"], errors);
    }

    [Fact]
    public void Given_an_epoch_slot_without_a_slot_length_When_loaded_Then_the_slot_is_required()
    {
        var errors = Errors("scheduler:\n  epoch: slot\nues:\n  arrivals: {kind: uniform}\n");

        Assert.Equal(
        [
            "s.yaml:2:3: scheduler.slot: missing key (required when epoch is slot: slot length)",
            "s.yaml:4:13: ues.arrivals.interval: missing key (required when kind is uniform: slot length (slot) or mean gap (uniform))",
        ], errors);
    }

    [Fact]
    public void Given_points_that_do_not_match_the_count_When_loaded_Then_the_error_names_both()
    {
        var errors = Errors("ues:\n  count: 3\n  placement:\n    kind: points\n    points: [[0m, 0m], [1m]]\n");

        Assert.Equal(
        [
            "s.yaml:5:13: ues.placement.points: 2 points for 3 nodes (one point per node expected)",
            "s.yaml:5:24: ues.placement.points.1: expected [x, y], found 1 value",
        ], errors);
    }

    [Fact]
    public void Given_duplicate_model_names_and_a_short_max_time_When_loaded_Then_both_cross_field_errors_are_located()
    {
        var errors = Errors("duration: 2h\nmax_time: 30min\nmodels:\n  - name: a\n  - name: a\nues:\n  task_types: [{name: t, model: a}]\n");

        Assert.Equal(
        [
            "s.yaml:2:11: max_time: max_time (30min) is shorter than the duration (2h)",
            "s.yaml:5:11: models.1.name: model 'a' is defined twice (first as models.0)",
        ], errors);
    }

    [Fact]
    public void Given_a_warmup_as_long_as_the_duration_or_a_word_other_than_auto_When_loaded_Then_each_is_located()
    {
        Assert.Equal(["s.yaml:2:9: warmup: warmup (1min) is not shorter than the duration (1min): nothing would be measured"], Errors("duration: 1min\nwarmup: 1min\n"));
        var word = Assert.Single(Errors("warmup: later\n"));
        Assert.StartsWith("s.yaml:1:9: warmup: ", word, StringComparison.Ordinal);
        Assert.Contains("or auto", word, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_yaml_syntax_error_When_loaded_Then_it_is_located_at_the_parser_position_with_the_key_path()
    {
        var errors = Errors("ues:\n  count: 3\n bad: 1\n");

        Assert.Equal(["s.yaml:3:2: ues: YAML syntax: While parsing a block mapping, did not find expected key."], errors);
    }

    [Fact]
    public void Given_an_unclosed_flow_list_When_loaded_Then_the_syntax_error_is_located()
    {
        var errors = Errors("seed: 1\nues: {count: [1, 2}\n");

        var error = Assert.Single(errors);
        Assert.Matches(@"^s\.yaml:2:\d+: ues\.count(\.\d)?: YAML syntax: ", error);
    }

    [Fact]
    public void Given_a_duplicate_key_a_tag_and_a_second_document_When_loaded_Then_each_is_an_error()
    {
        var errors = Errors("seed: 1\nseed: 2\nname: !!python/object x\n---\nseed: 3\n");

        Assert.Equal(
        [
            "s.yaml:2:1: seed: duplicate key (first given at line 1); the first value '1' would be lost",
            "s.yaml:3:7: name: tag tag:yaml.org,2002:python/object is not allowed: scenario files use plain YAML values, tags never build objects",
            "s.yaml:4:1: (top): a scenario file holds one YAML document (found a second '---')",
        ], errors);
    }

    [Fact]
    public void Given_an_alias_bomb_When_loaded_Then_reading_stops_with_a_located_error()
    {
        var lines = new List<string> { "a: &a [x, x, x, x, x, x, x, x, x, x]" };
        for (var c = 'b'; c <= 'h'; c++)
        {
            var prev = (char)(c - 1);
            lines.Add($"{c}: &{c} [{string.Join(", ", Enumerable.Repeat("*" + prev, 10))}]");
        }

        var error = Assert.Single(Errors(string.Join('\n', lines)));

        Assert.Matches(@"^s\.yaml:\d+:\d+: [a-h]\.\d: the scenario holds more than 1,000,000 values", error);
    }

    [Fact]
    public void Given_a_missing_include_When_loaded_Then_the_error_is_at_the_include_line()
    {
        var errors = Errors("seed: 1\ninclude: nowhere.yaml\n");

        Assert.Equal(["s.yaml:2:10: include: cannot read nowhere.yaml: no such file"], errors);
    }

    [Fact]
    public void Given_an_include_cycle_When_loaded_Then_it_is_reported_with_the_chain_at_the_closing_include()
    {
        using var dir = new TempScenario();
        dir.Write("b.yaml", "seed: 2\ninclude: a.yaml\n");
        dir.Write("a.yaml", "include: b.yaml\nseed: 3\n");

        var errors = dir.Errors("a.yaml");

        Assert.Equal(["b.yaml:2:10: include: include cycle: a.yaml -> b.yaml -> a.yaml"], errors);
    }

    [Fact]
    public void Given_an_error_inside_an_included_file_When_loaded_Then_it_names_that_file_and_line()
    {
        using var dir = new TempScenario();
        dir.Write("base/common.yaml", "seed: 1\nues:\n  count: many\n");
        dir.Write("s.yaml", "include: base/common.yaml\nues:\n  tx_power: 3 parsecs\n");

        var errors = dir.Errors("s.yaml");

        Assert.Equal(
        [
            "s.yaml:3:13: ues.tx_power: 'parsecs' is not a unit of a power (expected a power in W, mW, dBm, dBW)",
            $"base{Path.DirectorySeparatorChar}common.yaml:3:10: ues.count: 'many' is not a whole number (expected >= 1 and <= 1000000)",
        ], errors);
    }

    [Fact]
    public void Given_bad_overrides_When_loaded_Then_each_is_reported_at_its_position_and_column()
    {
        var errors = Errors("seed: 1\n", "ues.count=4", "ues.cont=3", "duration", "ues.count=3MHz", "models.3.size=2GB", "ues.placement.points=[[0m, 0m], [1m, 2x]]", "ues..count=2");

        Assert.Equal(
        [
            "--set:2:5: ues.cont: unknown key (did you mean ues.count?)",
            "--set:3:1: (top): 'duration' is not key.path=value",
            "--set:4:11: ues.count: '3MHz' is not a whole number (expected >= 1 and <= 1000000)",
            "--set:5:8: models: the scenario files write no list here to index; set the whole list instead (--set 'models=[...]')",
            "--set:6:38: ues.placement.points.1.1: 'x' is not a unit of a distance (expected a distance in m, km)",
            "--set:7:5: ues..count: empty key in the path (expected names separated by single dots)",
        ], errors);
    }

    [Fact]
    public void Given_an_override_with_a_yaml_syntax_error_When_loaded_Then_the_column_is_inside_the_override()
    {
        var error = Assert.Single(Errors("seed: 1\n", "ues.placement.center=[0m, 0m"));

        Assert.Matches(@"^--set:1:\d\d: ues\.placement\.center(\.\d)?: YAML syntax: ", error);
    }

    [Fact]
    public void Given_many_errors_When_loaded_Then_all_are_reported_at_once_in_file_order()
    {
        var errors = Errors("ues:\n  count: 0\n  tx_pwer: 1W\nduration: 1MHz\nchannel:\n  kind: ideal\n  shadowing: -1dB\n", "seed=-1");

        Assert.Equal(5, errors.Count);
        Assert.Equal(["s.yaml:2", "s.yaml:3", "s.yaml:4", "s.yaml:7", "--set:1"], errors.Select(e => string.Join(':', e.Split(':').Take(2))));
    }
}
