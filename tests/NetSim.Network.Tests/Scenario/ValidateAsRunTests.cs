using NetSim.Network.Scenario;
using NetSim.Network.Scheduling;

namespace NetSim.Network.Tests.Scenario;

/// <summary>What a run would refuse or never finish is refused by validation, at the key or line that causes it.</summary>
public class ValidateAsRunTests
{
    private const string Base = "duration: 10s\nues: {count: 20, arrivals: {kind: slot, interval: 1ms}}\n";

    [Theory]
    [InlineData("ues.arrivals.interval=1e-20s", "--set:1:23: ues.arrivals.interval: ues.count * duration / interval arrivals: 2e+22 in one run, more than the limit of 1e+9 (expected at least 200ns; NETSIM_MAX_EVENTS raises the limit)")]
    [InlineData("ues.arrivals={kind: poisson, rate: 1e300/s}", "--set:1:36: ues.arrivals.rate: ues.count * duration * rate arrivals: 2e+302 in one run, more than the limit of 1e+9 (expected at most 5000000/s")]
    [InlineData("ues.arrivals={kind: uniform, interval: 1e-300s}", "--set:1:40: ues.arrivals.interval: ues.count * duration / interval arrivals")]
    public void Given_arrivals_too_dense_to_end_When_validated_Then_a_located_error_names_the_limit(string set, string expected)
    {
        using var dir = new TempScenario();
        dir.Write("s.yaml", Base);

        var errors = dir.Errors("s.yaml", set);

        var error = Assert.Single(errors);
        Assert.True(error.StartsWith(expected, StringComparison.Ordinal), error);
    }

    [Fact]
    public void Given_arrivals_just_within_the_limit_When_validated_Then_they_load()
    {
        using var dir = new TempScenario();
        dir.Write("s.yaml", Base);

        // 20 UEs * 10 s / 200 ns = 1e9 arrivals: the limit itself.
        Assert.True(dir.Load("s.yaml", "ues.arrivals.interval=200ns").Ok);
    }

    [Fact]
    public void Given_scheduling_slots_and_fading_blocks_too_short_for_max_time_When_validated_Then_located_errors()
    {
        using var dir = new TempScenario();
        dir.Write("s.yaml", "max_time: 100s\nscheduler: {epoch: slot, slot: 1e-12s}\nchannel: {fading: {kind: rayleigh, block: 1e-9s}}\n");

        var errors = dir.Errors("s.yaml");

        Assert.Equal(2, errors.Count);
        Assert.True(errors[0].StartsWith("s.yaml:2:32: scheduler.slot: max_time / slot scheduling slots: 1e+14 in one run, more than the limit of 1e+9 (expected at least 100ns", StringComparison.Ordinal), errors[0]);
        Assert.StartsWith("s.yaml:3:43: channel.fading.block: max_time / block fading blocks: 1e+11 in one run, more than the limit of 1e+9 (expected at least 100ns", errors[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_trace_with_bad_fields_When_validated_Then_each_is_an_error_at_its_line_and_column()
    {
        using var dir = new TempScenario();
        dir.Write("t.csv", "time,ue,type,size_bits\n0.5,1,0,1000\n1.0,2,,-5\n-1,0\n2.0,9\n3.0,0,7,1e400\n4.0,1,0,1000,extra\n");
        dir.Write("s.yaml", "ues: {count: 3, arrivals: {kind: trace, file: t.csv}}\n");

        var errors = dir.Errors("s.yaml");

        Assert.Equal(
        [
            "t.csv:3:8: ues.arrivals.file: size_bits '-5' (expected a finite size in bits > 0, or nothing)",
            "t.csv:4:1: ues.arrivals.file: time '-1' (expected a finite time in seconds >= 0)",
            "t.csv:5:5: ues.arrivals.file: ue '9' (expected a UE index from 0 to 2)",
            "t.csv:6:7: ues.arrivals.file: type '7' (expected a task type index from 0 to 0, or nothing)",
            "t.csv:6:9: ues.arrivals.file: size_bits '1e400' (expected a finite size in bits > 0, or nothing)",
            "t.csv:7:1: ues.arrivals.file: expected time,ue[,type][,size_bits], found 5 fields: '4.0,1,0,1000,extra'",
        ], errors);
    }

    [Fact]
    public void Given_a_trace_that_is_a_device_When_validated_Then_it_is_refused_at_the_key()
    {
        if (!File.Exists("/dev/zero"))
        {
            return;
        }

        using var dir = new TempScenario();
        dir.Write("s.yaml", "ues:\n  arrivals: {kind: trace, file: /dev/zero}\n");

        var error = Assert.Single(dir.Errors("s.yaml"));

        Assert.StartsWith("s.yaml:2:33: ues.arrivals.file: cannot read the trace /dev/zero: not a regular file", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_sweep_of_more_runs_than_the_limit_When_validated_Then_a_located_error_names_the_limit()
    {
        using var dir = new TempScenario();
        var values = "[" + string.Join(", ", Enumerable.Range(1, 100)) + "]";
        dir.Write("s.yaml", $"sweep:\n  replications: 20\n  parameters: {{ues.count: {values}, seed: {values}}}\n");

        var error = Assert.Single(dir.Errors("s.yaml"));

        Assert.Equal("s.yaml:2:3: sweep: 200000 runs (10000 grid points * policies * replications), more than the limit of 100,000 (NETSIM_MAX_SWEEP_RUNS raises it)", error);
    }

    [Fact]
    public void Given_smaller_limits_When_loaded_Then_each_is_enforced_with_its_variable_named()
    {
        using var dir = new TempScenario();
        dir.Write("a.yaml", "seed: 1\n");
        dir.Write("s.yaml", "include: [a.yaml, a.yaml]\n");
        dir.Write("v.yaml", "ues: {count: 2, compute: 1GFLOPS}\n");
        List<string> Errors(string name, ScenarioLimits limits) =>
            ScenarioLoader.Load(Path.Combine(dir.Dir, name), [], limits).Errors.Select(e => e.ToString().Replace(dir.Dir + "/", string.Empty, StringComparison.Ordinal)).ToList();

        // s.yaml and the first a.yaml are 2 files; v.yaml's root, ues, its mapping, count and 2 are 5 values.
        Assert.Equal(
            ["s.yaml:1:19: include: more than 2 files read for one scenario (includes counted each time they are read), the limit (NETSIM_MAX_INCLUDES raises it)"],
            Errors("s.yaml", ScenarioLimits.Default with { Files = 2 }));
        Assert.Equal(
            ["v.yaml:1:17: ues: the scenario holds more than 5 values (keys included, aliases expanded, includes counted), the limit (NETSIM_MAX_SCENARIO_VALUES raises it)"],
            Errors("v.yaml", ScenarioLimits.Default with { Values = 5 }));
    }

    private static PolicyRegistry Registry()
    {
        var registry = PolicyRegistry.WithBuiltIns();
        registry.Register(
            "fast",
            "a test policy with an option and a checkpoint",
            new PolicyInputs(["speed"], Checkpoint: true) { CheckCheckpoint = (context, _) => File.ReadAllText(context.ResolvePath(context.Checkpoint!)) == "good" ? null : "not a checkpoint of fast" },
            context => context.Options.TryGetValue("speed", out var speed) && speed is string text && !double.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out _)
                ? throw new PolicyException($"policy.options.speed: '{text}' is not a number")
                : new NetSim.Network.Policies.NearestPolicy());
        return registry;
    }

    [Theory]
    [InlineData("policy: nerest\n", "s.yaml:1:9: policy.name: unknown policy 'nerest' (known: fast, local, nearest); did you mean nearest?")]
    [InlineData("sweep: {policies: [nearest, nope]}\n", "s.yaml:1:29: sweep.policies.1: unknown policy 'nope' (known: fast, local, nearest)")]
    [InlineData("policy: {name: nearest, options: {speed: 2}}\n", "s.yaml:1:42: policy.options.speed: policy nearest does not take this option (it takes no options and no checkpoint; --set 'policy.options={}' clears the options)")]
    [InlineData("policy: {name: fast, options: {speed: quick}}\n", "s.yaml:1:39: policy.options.speed: policy fast: policy.options.speed: 'quick' is not a number")]
    [InlineData("policy: {name: nearest, checkpoint: x.ckpt}\n", "s.yaml:1:37: policy.checkpoint: policy nearest does not take a checkpoint (it takes no options and no checkpoint)")]
    [InlineData("policy: {name: fast, checkpoint: none.ckpt}\n", "s.yaml:1:34: policy.checkpoint: cannot read the checkpoint ")]
    [InlineData("policy: {name: fast, checkpoint: bad.ckpt}\n", "s.yaml:1:34: policy.checkpoint: not a checkpoint of fast")]
    [InlineData("policy: fast\nsweep: {policies: [fast, nearest], parameters: {policy.options.speed: [1, slow]}}\n", "s.yaml:2:75: sweep.parameters.policy.options.speed: policy fast: policy.options.speed: 'slow' is not a number")]
    [InlineData("sweep: {policies: [nearest, local], parameters: {policy.options.speed: [1]}}\n", "s.yaml:1:72: sweep.parameters.policy.options.speed: no policy of the sweep takes this option (nearest takes no options and no checkpoint; local takes no options and no checkpoint)")]
    public void Given_a_policy_a_run_would_refuse_When_validated_with_the_registry_Then_an_error_at_its_key(string text, string expected)
    {
        using var dir = new TempScenario();
        dir.Write("bad.ckpt", "bad");
        dir.Write("s.yaml", text);

        var result = ScenarioLoader.Load(Path.Combine(dir.Dir, "s.yaml"), [], policies: Registry());

        var error = Assert.Single(result.Errors).ToString().Replace(dir.Dir + "/", string.Empty, StringComparison.Ordinal);
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_fitting_policy_option_and_checkpoint_When_validated_with_the_registry_Then_it_loads()
    {
        using var dir = new TempScenario();
        dir.Write("good.ckpt", "good");
        dir.Write("s.yaml", "policy: {name: fast, checkpoint: good.ckpt, options: {speed: 2}}\n");

        var result = ScenarioLoader.Load(Path.Combine(dir.Dir, "s.yaml"), [], policies: Registry());

        Assert.True(result.Ok, result.Report("s.yaml"));
    }
}
