using NetSim.Network.Scenario.Binding;
using NetSim.Network.Scenario.Loading;
using NetSim.Network.Scenario.Yaml;
using NetSim.Network.Scheduling;

namespace NetSim.Network.Scenario;

/// <summary>
/// Checks the scenario's policies against a <see cref="PolicyRegistry"/>, as a run would build them:
/// every name in <c>policy.name</c> and <c>sweep.policies</c> is registered, every option and the
/// checkpoint are taken by the policy (by one policy of a sweep), every option value is one the
/// policy accepts, a swept <c>policy.options.NAME</c> too, and the checkpoint exists and fits. Each
/// problem is an error at the key that holds it.
/// </summary>
internal static class PolicyValidator
{
    public static void Validate(Scenario scenario, Node root, PolicyRegistry registry, IReadOnlyDictionary<string, SourceSpan> spans, List<ScenarioError> errors)
    {
        var c = scenario.Config;
        var before = errors.Count;
        void Error(string path, string message) => errors.Add(new ScenarioError(SpanLookup.Nearest(spans, path, scenario.Path), path, message));

        var known = string.Join(", ", registry.Names);
        var names = c.Sweep.Policies.Count > 0 ? c.Sweep.Policies.Select((p, i) => (Name: p, Path: $"sweep.policies.{i}")).ToList() : [(c.Policy.Name, "policy.name")];
        foreach (var (name, path) in names.Where(n => !registry.Contains(n.Name)))
        {
            var suggestion = Naming.Closest(name, registry.Names);
            Error(path, $"unknown policy {Quote.Value(name)} (known: {known}){(suggestion is null ? string.Empty : $"; did you mean {suggestion}?")}");
        }

        if (errors.Count > before)
        {
            return;
        }

        var policies = names.Select(n => n.Name).Distinct().ToList();
        var takes = policies.Select(p => (Policy: p, Takes: registry.Takes(p))).ToList();
        string Taken() => takes.Count == 1
            ? $"it takes {takes[0].Takes.Describe()}"
            : string.Join("; ", takes.Select(t => $"{t.Policy} takes {t.Takes.Describe()}"));
        string Nobody() => takes.Count == 1 ? $"policy {takes[0].Policy} does not take" : "no policy of the sweep takes";

        foreach (var key in c.Policy.Options.Keys.Where(k => !takes.Any(t => t.Takes.Takes(k))))
        {
            Error($"policy.options.{key}", $"{Nobody()} this option ({Taken()}; --set 'policy.options={{}}' clears the options)");
        }

        var swept = SweptOptions(root).Where(o => !takes.Any(t => t.Takes.Takes(o.Name))).ToList();
        foreach (var (name, _) in swept)
        {
            Error($"sweep.parameters.policy.options.{name}", $"{Nobody()} this option ({Taken()})");
        }

        if (c.Policy.Checkpoint.Length > 0 && !takes.Any(t => t.Takes.Checkpoint))
        {
            Error("policy.checkpoint", $"{Nobody()} a checkpoint ({Taken()})");
        }

        if (errors.Count > before)
        {
            return;
        }

        foreach (var (policy, inputs) in takes)
        {
            var options = c.Policy.Options.Where(kv => inputs.Takes(kv.Key)).ToDictionary(kv => kv.Key, kv => (object?)kv.Value.Value);
            var checkpoint = c.Policy.Checkpoint.Length > 0 && inputs.Checkpoint ? c.Policy.Checkpoint : null;
            var context = new PolicyContext(policy, new Random(0), options, checkpoint, scenario.Directory);
            if (Create(registry, context) is { } problem)
            {
                var key = options.Keys.FirstOrDefault(k => problem.Contains($"policy.options.{k}", StringComparison.Ordinal))
                    ?? options.Keys.FirstOrDefault(k => problem.Contains(k, StringComparison.Ordinal));
                Error(key is null ? "policy" : $"policy.options.{key}", $"policy {policy}: {problem}");
                continue;
            }

            foreach (var (name, values) in SweptOptions(root).Where(o => inputs.Takes(o.Name)))
            {
                foreach (var value in values.Items.Where(v => v.Kind == NodeKind.Scalar))
                {
                    var point = context with { Options = new Dictionary<string, object?>(options) { [name] = value.Value } };
                    if (Create(registry, point) is { } valueProblem)
                    {
                        errors.Add(new ScenarioError(value.Span, $"sweep.parameters.policy.options.{name}", $"policy {policy}: {valueProblem}"));
                    }
                }
            }

            if (checkpoint is not null)
            {
                CheckCheckpoint(scenario, context, inputs, Error);
            }
        }
    }

    /// <summary>The swept <c>policy.options.NAME</c> of <c>sweep.parameters</c>, with their lists of values.</summary>
    private static IEnumerable<(string Name, Node Values)> SweptOptions(Node root)
    {
        const string prefix = "policy.options.";
        var parameters = root.Get("sweep")?.Get("parameters");
        return parameters is not { Kind: NodeKind.Mapping }
            ? []
            : parameters.Entries
                .Where(e => e.Key.Value!.StartsWith(prefix, StringComparison.Ordinal) && e.Key.Value.Length > prefix.Length && !e.Key.Value[prefix.Length..].Contains('.', StringComparison.Ordinal) && e.Value.Kind == NodeKind.Sequence)
                .Select(e => (e.Key.Value![prefix.Length..], e.Value));
    }

    /// <summary>Builds the policy of <paramref name="context"/> and drops it; null, or why it cannot be built.</summary>
    private static string? Create(PolicyRegistry registry, PolicyContext context)
    {
        try
        {
            (registry.Create(context) as IDisposable)?.Dispose();
            return null;
        }
        catch (Exception ex) when (ex is PolicyException or ArgumentException or FormatException or InvalidOperationException or InvalidDataException or OverflowException)
        {
            return Quote.Text(ex.Message, 300);
        }
    }

    private static void CheckCheckpoint(Scenario scenario, PolicyContext context, PolicyInputs inputs, Action<string, string> error)
    {
        var file = Path.GetFullPath(context.ResolvePath(context.Checkpoint!));
        if (InputFile.Check(file, long.MaxValue, "a checkpoint", string.Empty) is { } problem)
        {
            error("policy.checkpoint", $"cannot read the checkpoint {Quote.Text(file)}: {problem}{(problem == "no such file" ? " (netsim train --out writes one)" : string.Empty)}");
            return;
        }

        if (inputs.CheckCheckpoint?.Invoke(context, ScenarioMapper.ToSpec(scenario, scenario.Config.Seed)) is { } misfit)
        {
            error("policy.checkpoint", Quote.Text(misfit, 300));
        }
    }
}
