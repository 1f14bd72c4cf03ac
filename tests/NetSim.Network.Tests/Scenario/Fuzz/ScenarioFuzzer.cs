using System.Text;

namespace NetSim.Network.Tests.Scenario.Fuzz;

/// <summary>One fuzz case: files to write (the scenario is <c>s.yaml</c>) and <c>--set</c> overrides.</summary>
/// <param name="Kind">Which class of mutation made it.</param>
/// <param name="Files">File name (relative) and text.</param>
/// <param name="Overrides">The <c>--set</c> overrides.</param>
public sealed record FuzzCase(string Kind, IReadOnlyDictionary<string, string> Files, IReadOnlyList<string> Overrides)
{
    /// <summary>Writes the files into <paramref name="dir"/>.</summary>
    public void Write(string dir)
    {
        foreach (var (name, text) in Files)
        {
            var path = Path.Combine(dir, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }
    }
}

/// <summary>
/// Hostile mutations of scenario texts, from a seed: line edits (deleted, doubled, cut, re-indented
/// lines, wrong units, extreme numbers), deep nesting, huge values, includes of special files, control
/// characters, extreme numbers and units by <c>--set</c>, many keys, include fan-out, alias bombs,
/// bad trace files. Shared by the fuzz test and <c>tools/fuzz.sh</c>.
/// </summary>
public static class ScenarioFuzzer
{
    private static readonly string[] Extremes =
    [
        "1e308", "-1e308", "1e-320", "-0", "0", "NaN", ".inf", "-.inf", "99999999999999999999", "1e-20s", "1e300/s", "1e308GB", "1e-300ms",
        "1e30dBm", "-1e30dBm", "0.0000000001ms", "1e18", "-5", "2147483648", "18446744073709551616", "1e9999", "0x10", "1_000", "+.5e-3s",
    ];

    private static readonly string[] Controls = ["\u001b[31m", "\u001b]0;t\u0007", "\0", "\r", "\u007f", "\u202e", "\u2028", "\b\b\b", "\u0085", "\t"];

    private static readonly string[] NumericKeys =
    [
        "duration", "max_time", "seed", "ues.count", "ues.tx_power", "ues.compute", "ues.arrivals.rate", "ues.arrivals.interval", "base_stations.count",
        "base_stations.bandwidth", "base_stations.noise", "base_stations.server.cores", "base_stations.server.compute", "models.0.size",
        "scheduler.slot", "channel.fading.block", "sweep.replications", "ues.task_types.0.size", "ues.task_types.0.steps", "cloud.cores",
    ];

    /// <summary>The kinds of mutation, in the order <see cref="Make"/> picks from.</summary>
    public static IReadOnlyList<string> Kinds { get; } =
    [
        "lines", "nesting", "huge-value", "special-include", "control-characters", "extreme-numbers", "many-keys", "fan-out", "alias-bomb", "deep-set", "trace",
    ];

    /// <summary>Case <paramref name="index"/> from <paramref name="rng"/>, mutating one of <paramref name="sources"/>.</summary>
    public static FuzzCase Make(int index, Random rng, IReadOnlyList<string> sources)
    {
        var kind = Kinds[index % Kinds.Count];
        var lines = sources[rng.Next(sources.Count)].Split('\n').ToList();
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var overrides = new List<string>();
        switch (kind)
        {
            case "lines":
                for (var m = 1 + rng.Next(4); m > 0 && lines.Count > 0; m--)
                {
                    MutateLine(lines, rng);
                }

                break;
            case "nesting":
                var depth = new[] { 50, 99, 100, 101, 1000, 14_000, 100_000 }[rng.Next(7)];
                var (open, close) = new[] { ("[", "]"), ("{a: ", "}"), ("[{b: ", "}]") }[rng.Next(3)];
                var nested = string.Concat(Enumerable.Repeat(open, depth)) + "1" + (rng.Next(3) == 0 ? string.Empty : string.Concat(Enumerable.Repeat(close, depth)));
                if (rng.Next(2) == 0)
                {
                    overrides.Add($"{NumericKeys[rng.Next(NumericKeys.Length)]}={nested}");
                }
                else
                {
                    lines.Insert(0, $"{new[] { "seed", "policy", "sweep", "ues" }[rng.Next(4)]}: {nested}");
                }

                break;
            case "huge-value":
                var length = new[] { 1_000, 100_000, 2_000_000 }[rng.Next(3)];
                var huge = rng.Next(2) == 0 ? new string('9', length) : new string((char)('a' + rng.Next(26)), length);
                lines.Insert(rng.Next(lines.Count + 1), rng.Next(2) == 0 ? $"name: {huge}" : $"duration: {huge}s");
                break;
            case "special-include":
                var special = new[] { "/dev/zero", "/dev/urandom", "/dev/null", "/etc/passwd", "/proc/self/status", ".", "..", "missing.yaml", "s.yaml", "/" }[rng.Next(10)];
                lines.Insert(0, $"include: [{special}]");
                break;
            case "control-characters":
                for (var m = 1 + rng.Next(3); m > 0; m--)
                {
                    var i = rng.Next(lines.Count);
                    var at = rng.Next(lines[i].Length + 1);
                    lines[i] = lines[i].Insert(at, Controls[rng.Next(Controls.Length)]);
                }

                overrides.Add($"name=\"{Controls[rng.Next(Controls.Length)]}x\"");
                break;
            case "extreme-numbers":
                for (var m = 1 + rng.Next(3); m > 0; m--)
                {
                    overrides.Add($"{NumericKeys[rng.Next(NumericKeys.Length)]}={Extremes[rng.Next(Extremes.Length)]}");
                }

                break;
            case "many-keys":
                files["base.yaml"] = "seed: 2\n";
                var keys = new StringBuilder("include: base.yaml\n");
                for (var k = rng.Next(1_000, 50_000); k > 0; k--)
                {
                    keys.Append("k").Append(k).Append(": ").Append(k).Append('\n');
                }

                lines.Add(keys.ToString());
                break;
            case "fan-out":
                var levels = 8 + rng.Next(14);
                for (var l = 0; l < levels; l++)
                {
                    files[$"f{l}.yaml"] = $"include: [f{l + 1}.yaml, f{l + 1}.yaml]\nseed: {l}\n";
                }

                files[$"f{levels}.yaml"] = "duration: 1s\n";
                lines.Insert(0, "include: f0.yaml");
                break;
            case "alias-bomb":
                var bomb = new List<string> { "x0: &a0 [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]" };
                for (var l = 1; l < 4 + rng.Next(6); l++)
                {
                    bomb.Add($"x{l}: &a{l} [{string.Join(", ", Enumerable.Repeat($"*a{l - 1}", 10))}]");
                }

                lines.InsertRange(0, bomb);
                break;
            case "deep-set":
                var parts = new[] { 5, 100, 101, 14_000 }[rng.Next(4)];
                overrides.Add(string.Join('.', Enumerable.Repeat("a", parts)) + "=1");
                break;
            default:
                files["t.csv"] = rng.Next(4) switch
                {
                    0 => "time,ue\n0.1,0\n-1,0\nx,y\n1e400,0\n0.5,99999999999\n0.2,0,5,-7\n",
                    1 => string.Concat(Enumerable.Range(0, 1000).Select(i => $"{i * 0.01},{rng.Next(3)},,{rng.Next(-2, 3)}e5\n")),
                    2 => "\u001b[31m,\0\n" + new string('9', 100_000) + "\n",
                    _ => "0.5,0\n",
                };
                overrides.Add($"ues.arrivals={{kind: trace, file: {(rng.Next(5) == 0 ? "/dev/zero" : "t.csv")}}}");
                break;
        }

        files["s.yaml"] = string.Join('\n', lines);
        return new FuzzCase(kind, files, overrides);
    }

    private static void MutateLine(List<string> lines, Random rng)
    {
        var i = rng.Next(lines.Count);
        var colon = lines[i].IndexOf(": ", StringComparison.Ordinal);
        switch (rng.Next(6))
        {
            case 0:
                lines.RemoveAt(i);
                break;
            case 1:
                lines.Insert(i, lines[i]);
                break;
            case 2:
                lines.RemoveRange(i, lines.Count - i);
                break;
            case 3:
                lines[i] = new string(' ', rng.Next(6)) + lines[i].TrimStart();
                break;
            case 4 when colon > 0:
                lines[i] = lines[i][..(colon + 2)] + Extremes[rng.Next(Extremes.Length)];
                break;
            default:
                lines[i] = lines[i].Length > 0 ? lines[i].Remove(rng.Next(lines[i].Length), 1) : lines[i];
                break;
        }
    }
}
