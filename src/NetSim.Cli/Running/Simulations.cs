using NetSim.Learning;
using NetSim.Network.Building;
using NetSim.Network.Recording;
using NetSim.Network.Scenario;
using NetSim.Network.Scheduling;
using NetSim.Network.Metrics;
using NetSim.Traces;

namespace NetSim.Cli.Running;

/// <summary>What <c>netsim run</c> and <c>netsim sweep</c> share: building one run's world and reading its summary.</summary>
internal static class Simulations
{
    /// <summary>
    /// Builds <paramref name="policyName"/> once for <paramref name="scenario"/> before anything runs,
    /// so that an option or a checkpoint the policy does not take, a bad option or a missing
    /// checkpoint is bad input (exit 2) rather than a failed run. With <paramref name="shared"/> (the
    /// policies of a sweep share the scenario's <c>policy:</c> block) the policy gets only what it
    /// takes; <see cref="CheckShared"/> checks the rest. Returns the error, or null;
    /// <paramref name="warning"/> says when a learned policy would run with untrained networks.
    /// </summary>
    public static string? CheckPolicy(Scenario scenario, PolicyRegistry registry, string policyName, bool shared, out string? warning)
    {
        warning = null;
        var context = Context(scenario, registry, policyName, shared, new Random(0));
        IPolicy policy;
        try
        {
            policy = registry.Create(context);
        }
        catch (Exception ex) when (ex is PolicyException or ArgumentException or FormatException or InvalidOperationException)
        {
            var message = ex.Message.StartsWith($"policy {policyName}", StringComparison.Ordinal) ? ex.Message : $"policy '{policyName}': {ex.Message}";
            return context.Options.Count > 0 && registry.Takes(policyName).Options.Count == 0
                ? $"{message}; --set 'policy.options={{}}' clears the scenario's options"
                : message;
        }

        try
        {
            if (context.Checkpoint is { } checkpoint && Path.GetFullPath(context.ResolvePath(checkpoint)) is var file && !File.Exists(file))
            {
                return $"policy.checkpoint: {file} does not exist (netsim train --out writes one)";
            }

            if (policy is LearnedPolicy && context.Checkpoint is null)
            {
                warning = $"policy '{policyName}' has no policy.checkpoint: it decides with untrained networks (netsim train writes a checkpoint)";
            }

            return null;
        }
        finally
        {
            (policy as IDisposable)?.Dispose();
        }
    }

    /// <summary>
    /// The rule of a sweep, whose policies share the scenario's <c>policy:</c> block: each policy gets
    /// the options (and the checkpoint) it takes, and one that no policy of <paramref name="policies"/>
    /// takes is an error, naming what each policy takes (for one policy, the rule of <c>netsim run</c>).
    /// Returns the error, or null.
    /// </summary>
    public static string? CheckShared(Scenario scenario, PolicyRegistry registry, IReadOnlyList<string> policies)
    {
        var takes = policies.Distinct().Select(p => (Policy: p, Takes: registry.Takes(p))).ToList();
        var policy = scenario.Config.Policy;
        var untaken = policy.Options.Keys.Where(k => !takes.Any(t => t.Takes.Takes(k))).Order(StringComparer.Ordinal).Select(k => $"policy.options.{k}").ToList();
        if (policy.Checkpoint.Length > 0 && !takes.Any(t => t.Takes.Checkpoint))
        {
            untaken.Add("policy.checkpoint");
        }

        return untaken.Count == 0 ? null
            : takes.Count == 1 ? $"policy {takes[0].Policy} does not take {string.Join(", ", untaken)} (it takes {takes[0].Takes.Describe()})"
            : $"no policy of the sweep takes {string.Join(", ", untaken)} ({string.Join("; ", takes.Select(t => $"{t.Policy} takes {t.Takes.Describe()}"))})";
    }

    /// <summary>
    /// Builds the world of <paramref name="scenario"/> under <paramref name="policyName"/> with replication
    /// seed <paramref name="seed"/>; <paramref name="shared"/> as for <see cref="CheckPolicy"/>. The
    /// policy gets <paramref name="cancel"/>, the run's interruption.
    /// </summary>
    /// <remarks>With <paramref name="cut"/> the warm-up cut is that time (the one <see cref="Cut"/> found).</remarks>
    public static WorldRun Build(Scenario scenario, PolicyRegistry registry, string policyName, bool shared, ulong seed, IRunRecorder recorder, CancellationToken cancel, double? cut = null)
    {
        var spec = ScenarioMapper.ToSpec(scenario, seed);
        if (cut is { } given)
        {
            spec = spec with { Warmup = given };
        }

        return WorldBuilder.Build(spec, random => registry.Create(Context(scenario, registry, policyName, shared, random) with { Cancel = cancel }), recorder);
    }

    /// <summary>
    /// The warm-up cut of one replication: the scenario's <c>warmup</c>, or under <c>warmup: auto</c>
    /// the MSER-5 cut of a first run of the same replication (same seed, so the same trajectory),
    /// which keeps only the completed tasks' creation times and latencies. Null when
    /// <paramref name="cancel"/> stopped that first run.
    /// </summary>
    public static double? Cut(Scenario scenario, PolicyRegistry registry, string policyName, bool shared, ulong seed, CancellationToken cancel)
    {
        var warmup = scenario.Config.Warmup;
        if (!double.IsPositiveInfinity(warmup))
        {
            return warmup;
        }

        var series = new SeriesRecorder();
        var run = Build(scenario, registry, policyName, shared, seed, series, cancel);
        try
        {
            return run.Run(cancel: cancel) ? SteadyState.MserCut(series.Statistics.Series()).Cut : null;
        }
        finally
        {
            (run.Policy as IDisposable)?.Dispose();
        }
    }

    /// <summary>The statistics of a run cut at <paramref name="cut"/>, keeping the latency series when one run is a study of its own (batch means).</summary>
    public static TaskStatistics Statistics(double cut, int replications) => new(cut, keepSeries: replications == 1);

    /// <summary>The scenario's <c>policy.options</c> as a policy reads them.</summary>
    public static Dictionary<string, object?> PolicyOptions(Scenario scenario) =>
        scenario.Config.Policy.Options.ToDictionary(kv => kv.Key, kv => (object?)kv.Value.Value);

    /// <summary>The policy's context: the scenario's options and checkpoint, or with <paramref name="shared"/> only those the policy takes.</summary>
    private static PolicyContext Context(Scenario scenario, PolicyRegistry registry, string policyName, bool shared, Random random)
    {
        var takes = registry.Takes(policyName);
        var options = PolicyOptions(scenario);
        if (shared)
        {
            options = options.Where(kv => takes.Takes(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value);
        }

        var checkpoint = scenario.Config.Policy.Checkpoint;
        var given = checkpoint.Length > 0 && (!shared || takes.Checkpoint) ? checkpoint : null;
        return new PolicyContext(policyName, random, options, given, scenario.Directory);
    }

    /// <summary>
    /// The summary metrics of a finished run: task statistics, rejections by reason (when admission control is on), utilisation, the policy's own figures
    /// (as <c>policy:NAME</c>, when it reports any), downloads and events.
    /// </summary>
    /// <remarks>With a single replication (<paramref name="replications"/> 1) it adds the batch-means interval of mean latency.</remarks>
    public static Dictionary<string, double> Summary(WorldRun run, TaskStatistics statistics, int replications)
    {
        var world = run.World;
        var values = statistics.Summary(world.Simulation.Now);
        if (replications == 1)
        {
            foreach (var (metric, value) in statistics.BatchMeans(run.Spec.BatchMeans))
            {
                values[metric] = value;
            }
        }

        if (run.Spec.Admission.Enabled)
        {
            foreach (var (metric, value) in statistics.Rejections())
            {
                values[metric] = value;
            }
        }

        foreach (var (metric, value) in world.Utilisation())
        {
            values[metric] = value;
        }

        if (run.Policy is IPolicyMetrics reporting)
        {
            foreach (var (metric, value) in reporting.Metrics)
            {
                values[$"policy:{metric}"] = value;
            }
        }

        values["downloads"] = world.Downloads;
        if (world.Mobile)
        {
            values["handovers"] = world.Handovers;
        }

        values["events"] = world.Simulation.ProcessedEvents;
        return values;
    }
}
