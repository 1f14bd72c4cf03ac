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
    /// so that a bad policy option or a missing checkpoint is bad input (exit 2) rather than a failed
    /// run. Returns the error, or null; <paramref name="warning"/> says when a learned policy would run
    /// with untrained networks.
    /// </summary>
    public static string? CheckPolicy(Scenario scenario, PolicyRegistry registry, string policyName, out string? warning)
    {
        warning = null;
        var context = Context(scenario, policyName, new Random(0));
        if (context.Checkpoint is { } checkpoint && !File.Exists(context.ResolvePath(checkpoint)))
        {
            return $"policy.checkpoint: {context.ResolvePath(checkpoint)} does not exist (netsim train --out writes one)";
        }

        IPolicy policy;
        try
        {
            policy = registry.Create(context);
        }
        catch (Exception ex) when (ex is PolicyException or ArgumentException or FormatException or InvalidOperationException)
        {
            return ex.Message.StartsWith($"policy {policyName}", StringComparison.Ordinal) ? ex.Message : $"policy '{policyName}': {ex.Message}";
        }

        if (policy is LearnedPolicy && context.Checkpoint is null)
        {
            warning = $"policy '{policyName}' has no policy.checkpoint: it decides with untrained networks (netsim train writes a checkpoint)";
        }

        (policy as IDisposable)?.Dispose();
        return null;
    }

    /// <summary>Builds the world of <paramref name="scenario"/> under <paramref name="policyName"/> with replication seed <paramref name="seed"/>.</summary>
    public static WorldRun Build(Scenario scenario, PolicyRegistry registry, string policyName, ulong seed, IRunRecorder recorder)
    {
        var spec = ScenarioMapper.ToSpec(scenario, seed);
        return WorldBuilder.Build(spec, random => registry.Create(Context(scenario, policyName, random)), recorder);
    }

    /// <summary>The scenario's <c>policy.options</c> as a policy reads them.</summary>
    public static Dictionary<string, object?> PolicyOptions(Scenario scenario) =>
        scenario.Config.Policy.Options.ToDictionary(kv => kv.Key, kv => (object?)kv.Value.Value);

    private static PolicyContext Context(Scenario scenario, string policyName, Random random)
    {
        var checkpoint = scenario.Config.Policy.Checkpoint;
        return new PolicyContext(policyName, random, PolicyOptions(scenario), checkpoint.Length > 0 ? checkpoint : null, scenario.Directory);
    }

    /// <summary>
    /// The summary metrics of a finished run: task statistics, utilisation, the policy's own figures
    /// (as <c>policy:NAME</c>, when it reports any), downloads and events.
    /// </summary>
    public static Dictionary<string, double> Summary(WorldRun run, TaskStatistics statistics)
    {
        var world = run.World;
        var values = statistics.Summary(world.Simulation.Now);
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
        values["events"] = world.Simulation.ProcessedEvents;
        return values;
    }
}
