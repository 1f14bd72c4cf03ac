using System.Security.Cryptography;
using System.Text;
using NetSim.Network.Scenario.Binding;
using NetSim.Network.Scenario.Config;
using NetSim.Network.Scenario.Loading;
using NetSim.Network.Scenario.Yaml;
using NetSim.Network.Scheduling;

namespace NetSim.Network.Scenario;

/// <summary>
/// Loads a scenario file: reads it and its includes, applies <c>--set</c> overrides, binds and
/// validates every value, and reports every error at once as <c>FILE:LINE:COL: key.path: message</c>.
/// It never throws for a problem in the input.
/// </summary>
public static class ScenarioLoader
{
    /// <summary>
    /// Loads <paramref name="path"/> with <paramref name="overrides"/> (<c>key.path=value</c>, applied
    /// in order after the includes), within <paramref name="limits"/> (by default
    /// <see cref="ScenarioLimits.FromEnvironment"/>). With <paramref name="policies"/>, the policies
    /// the scenario names are checked as a run would build them (<see cref="PolicyValidator"/>).
    /// Returns the scenario, or every error found.
    /// </summary>
    public static ScenarioLoadResult Load(string path, IReadOnlyList<string>? overrides = null, ScenarioLimits? limits = null, PolicyRegistry? policies = null)
    {
        overrides ??= [];
        var errors = new List<ScenarioError>();
        limits ??= ScenarioLimits.FromEnvironment(path, errors);
        var reader = new IncludeReader(errors, limits);
        var root = reader.Read(path);
        if (root is null)
        {
            return new ScenarioLoadResult(null, Sorted(errors, reader.Files));
        }

        for (var i = 0; i < overrides.Count; i++)
        {
            OverrideApplier.Apply(root, overrides[i], i + 1, errors, limits);
        }

        IncludeReader.NormalizePolicy(root);

        var binder = new Binder();
        var config = binder.Bind<ScenarioConfig>(root);
        errors.AddRange(binder.Errors);
        ScenarioValidator.Validate(config, root, binder.Spans, path, errors, limits);
        if (errors.Count > 0)
        {
            return new ScenarioLoadResult(null, Sorted(errors, reader.Files));
        }

        var resolved = YamlWriter.Write(root);
        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(resolved)));
        var scenario = new Scenario(path, config, resolved, sha, overrides.ToArray());
        if (policies is not null)
        {
            PolicyValidator.Validate(scenario, root, policies, binder.Spans, errors);
            if (errors.Count > 0)
            {
                return new ScenarioLoadResult(null, Sorted(errors, reader.Files));
            }
        }

        return new ScenarioLoadResult(scenario, []);
    }

    /// <summary>Errors by file (in the order the files were read, overrides last), line and column.</summary>
    private static List<ScenarioError> Sorted(List<ScenarioError> errors, List<string> files) =>
        errors.Distinct()
            .OrderBy(e => e.Span.File == "--set" ? int.MaxValue : files.IndexOf(e.Span.File) is var i and >= 0 ? i : int.MaxValue - 1)
            .ThenBy(e => e.Span.Line)
            .ThenBy(e => e.Span.Column)
            .ToList();
}
