using NetSim.Network.Building;
using NetSim.Network.Recording;
using NetSim.Network.Scenario;
using NetSim.Network.Scheduling;
using NetSim.Traces;

namespace NetSim.Cli.Running;

/// <summary>What <c>netsim run</c> and <c>netsim sweep</c> share: building one run's world and reading its summary.</summary>
internal static class Simulations
{
    /// <summary>Builds the world of <paramref name="scenario"/> under <paramref name="policyName"/> with replication seed <paramref name="seed"/>.</summary>
    public static WorldRun Build(Scenario scenario, PolicyRegistry registry, string policyName, ulong seed, IRunRecorder recorder)
    {
        var spec = ScenarioMapper.ToSpec(scenario, seed);
        var options = scenario.Config.Policy.Options.ToDictionary(kv => kv.Key, kv => (object?)kv.Value.Value);
        var checkpoint = scenario.Config.Policy.Checkpoint.Length > 0 ? scenario.Config.Policy.Checkpoint : null;
        return WorldBuilder.Build(spec, random => registry.Create(new PolicyContext(policyName, random, options, checkpoint, scenario.Directory)), recorder);
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
