using NetSim.Network.Tests.Scenario.Fuzz;

// fuzz-cases SCENARIOS_DIR OUT_DIR N SEED: writes case-I/ (s.yaml, its files, and args: one --set per line).
var sources = Directory.EnumerateFiles(args[0], "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
var n = int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
var rng = new Random(int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture));
for (var i = 0; i < n; i++)
{
    var fuzz = ScenarioFuzzer.Make(i, rng, sources);
    var dir = Path.Combine(args[1], $"case-{i}");
    Directory.CreateDirectory(dir);
    fuzz.Write(dir);
    File.WriteAllLines(Path.Combine(dir, "args"), fuzz.Overrides.SelectMany(o => new[] { "--set", o.Replace("\n", "\\n", StringComparison.Ordinal) }));
    File.WriteAllText(Path.Combine(dir, "kind"), fuzz.Kind);
}
