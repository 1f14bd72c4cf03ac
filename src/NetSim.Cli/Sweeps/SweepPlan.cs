using System.Text;
using System.Text.Json;
using NetSim.Cli.Running;
using NetSim.Kernel.Randomness;
using NetSim.Network.Scenario;
using NetSim.Network.Scenario.Yaml;
using NetSim.Network.Scheduling;

namespace NetSim.Cli.Sweeps;

/// <summary>
/// The run list of a scenario's <c>sweep:</c> block: every grid point (the cartesian product of the
/// parameters, the last varying fastest), under every policy, in every replication. Every grid
/// point is loaded and validated before anything runs.
/// </summary>
internal sealed class SweepPlan
{
    private SweepPlan(Scenario baseScenario, IReadOnlyList<string> policies, IReadOnlyList<SweepRun> runs, IReadOnlyList<string> warnings)
    {
        Base = baseScenario;
        Policies = policies;
        Runs = runs;
        Warnings = warnings;
    }

    /// <summary>What the user should know before the runs start (a learned policy without a checkpoint).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>The scenario with the --set overrides and no grid values.</summary>
    public Scenario Base { get; }

    /// <summary>Policies of the sweep.</summary>
    public IReadOnlyList<string> Policies { get; }

    /// <summary>Every run, in order.</summary>
    public IReadOnlyList<SweepRun> Runs { get; }

    /// <summary>The sweep's identity: 32 hexadecimal digits of the SHA-256 of every run key, in order (the same in every shard).</summary>
    public string Id => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', Runs.Select(r => r.Key)))))[..32];

    /// <summary>The plan of <paramref name="file"/> with <paramref name="overrides"/>; null with every error found.</summary>
    public static SweepPlan? Create(string file, IReadOnlyList<string> overrides, PolicyRegistry registry, out string? errors)
    {
        errors = null;
        var loaded = ScenarioLoader.Load(file, overrides);
        if (!loaded.Ok)
        {
            errors = loaded.Report(file);
            return null;
        }

        var scenario = loaded.Scenario!;
        var sweep = scenario.Config.Sweep;
        var policies = sweep.Policies.Count > 0 ? sweep.Policies : [scenario.Config.Policy.Name];
        var unknown = policies.Where(p => !registry.Contains(p)).ToList();
        if (unknown.Count > 0)
        {
            errors = $"{file}: sweep.policies: unknown polic{(unknown.Count == 1 ? "y" : "ies")} {string.Join(", ", unknown.Select(u => $"'{u}'"))} (known: {string.Join(", ", registry.Names)})";
            return null;
        }

        var axes = new List<(string Key, List<string> Values)>();
        foreach (var (key, values) in sweep.Parameters)
        {
            var texts = values.Items.Select(v => YamlWriter.Write(v).TrimEnd('\n')).ToList();
            var multiLine = texts.FirstOrDefault(t => t.Contains('\n', StringComparison.Ordinal));
            if (multiLine is not null)
            {
                errors = $"{file}: sweep.parameters.{key}: a value too long to write on one line; sweep a shorter value";
                return null;
            }

            axes.Add((key, texts));
        }

        var points = Grid(axes);
        var userValues = Overrides.Values(overrides);
        var runs = new List<SweepRun>();
        var problems = new StringBuilder();
        // What no policy of the sweep takes is reported once, at the first grid point that gives it.
        var sharedErrors = new HashSet<string>(StringComparer.Ordinal);
        if (Simulations.CheckShared(scenario, registry, policies) is { } baseError)
        {
            sharedErrors.Add(baseError);
            problems.AppendLine($"{file}: {baseError}");
        }

        var warnings = new SortedSet<string>(StringComparer.Ordinal);
        for (var p = 0; p < points.Count; p++)
        {
            var point = points[p];
            var pointScenario = scenario;
            if (point.Count > 0)
            {
                var pointLoad = ScenarioLoader.Load(file, [.. overrides, .. point.Select(g => $"{g.Key}={g.Value}")]);
                if (!pointLoad.Ok)
                {
                    problems.AppendLine($"at the grid point {string.Join(", ", point.Select(g => $"{g.Key}={g.Value}"))}:").AppendLine(pointLoad.Report(file));
                    continue;
                }

                pointScenario = pointLoad.Scenario!;
            }

            if (Simulations.CheckShared(pointScenario, registry, policies) is { } sharedError)
            {
                if (sharedErrors.Add(sharedError))
                {
                    problems.AppendLine($"{file}: {Where(point)}{sharedError}");
                }

                continue;
            }

            foreach (var policy in policies)
            {
                var policyError = Simulations.CheckPolicy(pointScenario, registry, policy, shared: true, out var warning);
                if (policyError is not null)
                {
                    problems.AppendLine($"{file}: {Where(point)}{policyError}");
                }

                if (warning is not null)
                {
                    warnings.Add(warning);
                }
            }

            var json = ParamsJson([.. userValues.Where(u => point.All(g => g.Key != u.Key)), .. point]);
            foreach (var policy in policies)
            {
                for (var r = 0; r < sweep.Replications; r++)
                {
                    runs.Add(new SweepRun(runs.Count, p, pointScenario, point, policy, r, RandomStreams.Replication(scenario.Config.Seed, r), json));
                }
            }
        }

        foreach (var same in runs.GroupBy(r => r.Key).Where(g => g.Count() > 1))
        {
            problems.AppendLine($"{file}: sweep: runs {string.Join(" and ", same.Select(r => r.Index))} are one experiment ({same.First().Label}): a value repeats in sweep.parameters or sweep.policies");
        }

        if (problems.Length > 0)
        {
            errors = problems.ToString().TrimEnd();
            return null;
        }

        return new SweepPlan(scenario, policies, runs, [.. warnings]);
    }

    private static string Where(List<KeyValuePair<string, string>> point) =>
        point.Count == 0 ? string.Empty : $"at the grid point {string.Join(", ", point.Select(g => $"{g.Key}={g.Value}"))}: ";

    private static List<List<KeyValuePair<string, string>>> Grid(List<(string Key, List<string> Values)> axes)
    {
        var points = new List<List<KeyValuePair<string, string>>> { new() };
        foreach (var (key, values) in axes)
        {
            points = points.SelectMany(point => values.Select(v => new List<KeyValuePair<string, string>>([.. point, new(key, v)]))).ToList();
        }

        return points;
    }

    private static string ParamsJson(IEnumerable<KeyValuePair<string, string>> values)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            foreach (var (key, value) in values)
            {
                writer.WriteString(key, value);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
