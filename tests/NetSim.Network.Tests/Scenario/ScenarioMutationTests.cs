using System.Text.RegularExpressions;
using NetSim.Network.Scenario;

namespace NetSim.Network.Tests.Scenario;

/// <summary>
/// Mutations of the shipped scenarios (deleted lines, swapped values, lost or wrong units, huge,
/// negative and NaN numbers, wrong types, duplicated keys, broken indentation), from a fixed seed:
/// each must either validate or fail with located messages, never with an unhandled exception.
/// </summary>
public partial class ScenarioMutationTests
{
    private static readonly string[] Replacements = ["1e308", "-5", "NaN", "0", "", "[1, 2]", "{a: 1}", "yes", "10MHz", "-100dBm", "7.5", "\"text\"", "!!str x", "~", "99999999999999999999", "1e-320", ".inf"];

    [Fact]
    public void Given_1200_mutations_of_the_shipped_scenarios_Then_each_validates_or_fails_with_located_errors()
    {
        var rng = new Random(20261124);
        var files = Repo.ShippedScenarios().ToList();
        var located = Located();
        var failures = 0;
        using var dir = new TempScenario();
        File.Copy(Path.Combine(Repo.Scenarios, "queueing", "base.yaml"), Path.Combine(dir.Dir, "base.yaml"));
        for (var i = 0; i < 1200; i++)
        {
            var source = files[rng.Next(files.Count)];
            var lines = File.ReadAllLines(source).ToList();
            Mutate(lines, rng);
            var path = dir.Write($"m{i}.yaml", string.Join('\n', lines));
            var result = ScenarioLoader.Load(path);
            if (!result.Ok)
            {
                failures++;
                Assert.All(result.Errors, e => Assert.Matches(located, e.ToString()));
                Assert.NotEmpty(result.Errors);
            }
        }

        // A loader that accepted everything would pass the loop above, so many mutations must be
        // caught. About half land on comments or blank lines, or produce values that are still
        // valid (a swapped count, a new in-range number); 573 of 1,200 were rejected when this was
        // written, so fewer than 400 means validation got weaker.
        Assert.True(failures > 400, $"only {failures} of 1200 mutations were rejected");
    }

    private static void Mutate(List<string> lines, Random rng)
    {
        var i = rng.Next(lines.Count);
        switch (rng.Next(7))
        {
            case 0:
                lines.RemoveAt(i);
                break;
            case 1:
                var j = rng.Next(lines.Count);
                (lines[i], lines[j]) = (ValueOf(lines[j], lines[i]), ValueOf(lines[i], lines[j]));
                break;
            case 2:
                lines[i] = Unit().Replace(lines[i], rng.Next(2) == 0 ? string.Empty : "parsecs", 1);
                break;
            case 3:
                lines[i] = Number().Replace(lines[i], Replacements[rng.Next(Replacements.Length)], 1);
                break;
            case 4:
                lines.Insert(i, lines[i]);
                break;
            case 5:
                lines[i] = new string(' ', rng.Next(5)) + lines[i].TrimStart();
                break;
            default:
                var colon = lines[i].IndexOf(": ", StringComparison.Ordinal);
                if (colon > 0)
                {
                    lines[i] = lines[i][..(colon + 2)] + Replacements[rng.Next(Replacements.Length)];
                }

                break;
        }
    }

    private static string ValueOf(string from, string into)
    {
        var a = from.IndexOf(": ", StringComparison.Ordinal);
        var b = into.IndexOf(": ", StringComparison.Ordinal);
        return a > 0 && b > 0 ? into[..(b + 2)] + from[(a + 2)..] : into;
    }

    [GeneratedRegex(@"^.+:\d+:\d+: .+")]
    private static partial Regex Located();

    [GeneratedRegex(@"(?<=\d)(MHz|dBm|KB|ms|s|m|km|GFLOPS|MFLOP|GB|Gbps|Mbit|/s)\b")]
    private static partial Regex Unit();

    [GeneratedRegex(@"-?\d+(\.\d+)?")]
    private static partial Regex Number();
}
