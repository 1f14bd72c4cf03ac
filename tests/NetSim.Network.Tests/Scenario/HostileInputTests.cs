using System.Diagnostics;
using System.Text;
using NetSim.Network.Scenario;

namespace NetSim.Network.Tests.Scenario;

/// <summary>
/// Hostile scenario files: deep nesting, special and huge files, many keys, control characters and
/// values that only a run would notice. Each ends with located errors, quickly, never a crash.
/// </summary>
public class HostileInputTests
{
    [Theory]
    [InlineData("[", "]")]
    [InlineData("{a: ", "}")]
    [InlineData("- ", "")]
    public void Given_14000_levels_of_nesting_When_loaded_Then_a_located_depth_error_and_no_stack_overflow(string open, string close)
    {
        using var dir = new TempScenario();
        var text = open == "- "
            ? "seed:\n  " + string.Concat(Enumerable.Repeat(open, 14_000)) + "1\n"
            : "seed: " + string.Concat(Enumerable.Repeat(open, 14_000)) + "1" + string.Concat(Enumerable.Repeat(close, 14_000)) + "\n";
        dir.Write("deep.yaml", text);

        var errors = dir.Errors("deep.yaml");

        Assert.Contains(errors, e => e.StartsWith("deep.yaml:", StringComparison.Ordinal) && e.Contains($"nested more than {ScenarioLimits.MaxDepth} levels deep", StringComparison.Ordinal));
    }

    [Fact]
    public void Given_14000_levels_of_nesting_in_a_set_value_When_loaded_Then_a_located_depth_error()
    {
        using var dir = new TempScenario();
        dir.Write("s.yaml", "seed: 1\n");

        var errors = dir.Errors("s.yaml", "seed=" + new string('[', 14_000));

        Assert.Contains(errors, e => e.StartsWith("--set:1:", StringComparison.Ordinal) && e.Contains("nested more than", StringComparison.Ordinal));
    }

    [Fact]
    public void Given_a_set_path_of_14000_keys_When_loaded_Then_a_located_depth_error()
    {
        using var dir = new TempScenario();
        dir.Write("s.yaml", "seed: 1\n");

        var errors = dir.Errors("s.yaml", string.Join('.', Enumerable.Repeat("a", 14_000)) + "=1");

        Assert.Contains(errors, e => e.StartsWith("--set:1:", StringComparison.Ordinal) && e.Contains("nested more than", StringComparison.Ordinal));
    }

    [Fact]
    public void Given_an_include_and_40000_unknown_keys_When_loaded_Then_validation_takes_well_under_a_second_per_10000_keys()
    {
        using var dir = new TempScenario();
        dir.Write("base.yaml", "seed: 2\n");
        var text = new StringBuilder("include: base.yaml\n");
        for (var i = 0; i < 40_000; i++)
        {
            text.Append("unknown_key_").Append(i).Append(": 1\n");
        }

        dir.Write("many.yaml", text.ToString());
        var watch = Stopwatch.StartNew();

        var result = dir.Load("many.yaml");

        // Before the fix the include merge looked every key up by a scan: 31 s of CPU here; 1 s after.
        Assert.Equal(40_000, result.Errors.Count);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Given_1000_errors_When_reported_Then_the_first_100_are_listed_and_the_rest_counted()
    {
        using var dir = new TempScenario();
        dir.Write("e.yaml", string.Concat(Enumerable.Range(0, 1000).Select(i => $"bad{i}: 1\n")));

        var report = dir.Load("e.yaml").Report("e.yaml").Split('\n');

        Assert.Equal(ScenarioLimits.MaxListedErrors + 1, report.Length);
        Assert.Equal($"... and 900 more errors (1000 errors in e.yaml)", report[^1]);
    }

    [Fact]
    public void Given_a_key_of_a_million_characters_When_loaded_Then_the_messages_quote_it_shortened_and_quickly()
    {
        using var dir = new TempScenario();
        var key = new string('k', 1_000_000);
        dir.Write("long.yaml", $"ues:\n  ? {key}\n  : 1\n  count: {new string('9', 100_000)}\n");
        var watch = Stopwatch.StartNew();

        var errors = dir.Errors("long.yaml");

        Assert.True(errors.Count == 2, string.Join('\n', errors));
        Assert.All(errors, e => Assert.True(e.Length < 400, $"a message of {e.Length} characters"));
        Assert.Contains(errors, e => e.Contains("(1000004 characters)", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("(100000 characters)", StringComparison.Ordinal));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Given_100000_UEs_and_30000_stations_at_tolerance_zero_When_loaded_Then_a_located_error_and_at_the_default_none()
    {
        // 100,000 x 30,000 = 3e9 gains, more than the longest array (2^31 - 57) and more than a
        // 32-bit count: the product overflows an int, so the check must be made in 64 bits.
        using var dir = new TempScenario();
        dir.Write("city.yaml", $"include: {Path.Combine(Repo.Scenarios, "quickstart.yaml")}\nues: {{count: 100000}}\nbase_stations: {{count: 30000}}\nchannel: {{interference_tolerance: 0}}\n");

        var exact = dir.Load("city.yaml");
        var local = dir.Load("city.yaml", "channel.interference_tolerance=0.01");

        var error = Assert.Single(exact.Errors);
        Assert.Equal("channel.interference_tolerance", error.Path);
        Assert.Equal(4, error.Span.Line);
        Assert.Contains("3,000,000,000 channel gains", error.Message, StringComparison.Ordinal);
        Assert.True(local.Ok, local.Report("city.yaml"));
    }

    [Fact]
    public void Given_terminal_escape_codes_in_values_and_keys_When_loaded_Then_messages_hold_no_control_characters()
    {
        using var dir = new TempScenario();
        dir.Write("esc.yaml", "duration: \"\\e[31mred\\e[0m\"\n\"\\e]0;title\\a\": 1\nname: [\"\\r\\b\"]\n");

        var errors = dir.Errors("esc.yaml");

        Assert.Equal(3, errors.Count);
        Assert.All(errors, e => Assert.DoesNotContain(e, char.IsControl));
        Assert.Contains(errors, e => e.Contains(@"'\e[31mred\e[0m'", StringComparison.Ordinal));
    }

    [Fact]
    public void Given_an_include_of_a_text_file_that_is_not_yaml_mapping_When_loaded_Then_no_more_than_a_short_quote_of_it_is_printed()
    {
        using var dir = new TempScenario();
        var secret = string.Join('\n', Enumerable.Range(0, 50).Select(i => $"user{i}:x:{1000 + i}:{1000 + i}:User {i}:/home/user{i}:/bin/bash"));
        dir.Write("passwd", secret + "\n");
        dir.Write("s.yaml", "include: passwd\n");

        var errors = dir.Errors("s.yaml");

        var all = string.Join('\n', errors);
        Assert.DoesNotContain("user3:x", all, StringComparison.Ordinal);
        Assert.True(all.Length < 2000, all);
    }

    [Theory]
    [InlineData("/dev/zero")]
    [InlineData("/dev/urandom")]
    public void Given_an_include_of_a_device_When_loaded_Then_it_is_refused_as_not_a_regular_file(string device)
    {
        if (!File.Exists(device))
        {
            return;
        }

        using var dir = new TempScenario();
        dir.Write("s.yaml", $"include: {device}\n");

        var errors = dir.Errors("s.yaml");

        Assert.Contains(errors, e => e.StartsWith("s.yaml:1:10: include: ", StringComparison.Ordinal) && e.Contains("not a regular file", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Given_an_include_of_a_named_pipe_When_loaded_Then_it_is_refused_without_waiting_for_a_writer()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var dir = new TempScenario();
        using (var mkfifo = Process.Start("mkfifo", Path.Combine(dir.Dir, "pipe")))
        {
            await mkfifo.WaitForExitAsync();
        }

        dir.Write("s.yaml", "include: pipe\n");
        var load = Task.Run(() => dir.Errors("s.yaml"));

        var finished = await Task.WhenAny(load, Task.Delay(TimeSpan.FromSeconds(10)));

        Assert.True(finished == load, "the loader waited on the pipe");
        Assert.Contains(await load, e => e.Contains("not a regular file", StringComparison.Ordinal));
    }

    [Fact]
    public void Given_a_file_larger_than_the_limit_When_loaded_Then_it_is_refused_unread_with_the_limit_and_how_to_raise_it()
    {
        using var dir = new TempScenario();
        var path = dir.Write("big.yaml", "seed: 1\n");
        using (var stream = File.OpenWrite(path))
        {
            stream.SetLength(ScenarioLimits.Default.FileBytes + 1);
        }

        var errors = dir.Errors("big.yaml");

        Assert.Equal($"big.yaml:1:1: (top): cannot read big.yaml: {ScenarioLimits.Default.FileBytes + 1:N0} bytes, more than the limit of {ScenarioLimits.Default.FileBytes:N0} bytes for a scenario file (NETSIM_MAX_SCENARIO_BYTES raises it)", Assert.Single(errors));
    }

    [Fact]
    public void Given_an_include_fan_out_past_the_limit_When_loaded_Then_a_located_error_names_the_limit()
    {
        using var dir = new TempScenario();
        // Each level includes the next twice: 2^20 reads of 21 small files.
        for (var i = 0; i < 20; i++)
        {
            dir.Write($"f{i}.yaml", $"include: [f{i + 1}.yaml, f{i + 1}.yaml]\nseed: {i}\n");
        }

        dir.Write("f20.yaml", "duration: 1s\n");
        var watch = Stopwatch.StartNew();

        var errors = dir.Errors("f0.yaml");

        Assert.Contains(errors, e => e.Contains($"more than {ScenarioLimits.Default.Files:N0} files", StringComparison.Ordinal) && e.Contains("NETSIM_MAX_INCLUDES", StringComparison.Ordinal));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }
}
