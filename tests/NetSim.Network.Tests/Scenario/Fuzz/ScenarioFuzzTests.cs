using System.Diagnostics;
using System.Text.RegularExpressions;
using NetSim.Network.Scenario;
using NetSim.Network.Scheduling;

namespace NetSim.Network.Tests.Scenario.Fuzz;

/// <summary>
/// The fuzzer in CI: hostile mutations of the shipped scenarios from a fixed seed, for about a
/// minute. Each load (with the built-in policies, as validate does) ends with a scenario that a run
/// can be built from, or with located errors only; never an exception, never over 20 s.
/// tools/fuzz.sh runs the same cases through the built netsim, in processes, for longer.
/// </summary>
public partial class ScenarioFuzzTests
{
    [Fact]
    public void Given_hostile_mutations_for_a_minute_When_loaded_Then_each_validates_or_fails_with_located_errors_within_20_s()
    {
        var sources = Repo.ShippedScenarios().Select(File.ReadAllText).ToList();
        var rng = new Random(20_2611);
        var budget = Stopwatch.StartNew();
        var refused = ScenarioFuzzer.Kinds.ToDictionary(k => k, _ => 0);
        var cases = 0;
        while (budget.Elapsed < TimeSpan.FromSeconds(60) && cases < 5_000)
        {
            var fuzz = ScenarioFuzzer.Make(cases, rng, sources);
            using var dir = new TempScenario();
            fuzz.Write(dir.Dir);
            var watch = Stopwatch.StartNew();

            var result = ScenarioLoader.Load(Path.Combine(dir.Dir, "s.yaml"), fuzz.Overrides, policies: PolicyRegistry.WithBuiltIns());
            if (result.Ok)
            {
                ScenarioMapper.ToSpec(result.Scenario!, 1);
            }

            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"case {cases} ({fuzz.Kind}) took {watch.Elapsed}");
            Assert.All(result.Errors, e => Assert.Matches(Located(), e.ToString()));
            refused[fuzz.Kind] += result.Ok ? 0 : 1;
            cases++;
        }

        // Every kind of mutation must be met with refusals: a loader that accepted all would fail here.
        Assert.True(cases >= ScenarioFuzzer.Kinds.Count * 5, $"only {cases} cases in the budget");
        Assert.All(refused, kv => Assert.True(kv.Value > 0, $"no {kv.Key} case was refused"));
    }

    [GeneratedRegex(@"^[^\n]+:\d+:\d+: [^\n]+$")]
    private static partial Regex Located();
}
