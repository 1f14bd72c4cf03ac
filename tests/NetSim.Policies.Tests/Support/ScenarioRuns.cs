using NetSim.Kernel.Randomness;
using NetSim.Network.Building;
using NetSim.Network.Recording;
using NetSim.Network.Scenario;

namespace NetSim.Policies.Tests.Support;

/// <summary>Runs a shipped scenario file, with overrides, under a policy of the catalog.</summary>
internal static class ScenarioRuns
{
    public static Scenario Load(string relative, params string[] overrides)
    {
        var path = Path.Combine(Repo.Scenarios, relative);
        var result = ScenarioLoader.Load(path, overrides);
        Assert.True(result.Ok, result.Report(relative));
        return result.Scenario!;
    }

    /// <summary>Replication <paramref name="replication"/> of <paramref name="scenario"/> under <paramref name="policy"/>.</summary>
    public static (WorldRun Run, ListRecorder Recorder) Run(Scenario scenario, string policy, int replication = 0)
    {
        var spec = ScenarioMapper.ToSpec(scenario, RandomStreams.Replication(scenario.Config.Seed, replication));
        var recorder = new ListRecorder(TraceLevel.Tasks);
        var run = WorldBuilder.Build(spec, Catalog.Factory(policy), recorder);
        run.Run();
        return (run, recorder);
    }

    /// <summary>
    /// Mean latency of a run's tasks, an unfinished task counting the time from its creation to the
    /// end of the run: a lower bound on the mean latency the run would have had without a hard stop.
    /// </summary>
    public static double MeanLatencyLowerBound(WorldRun run, ListRecorder recorder)
    {
        var end = run.World.Simulation.Now;
        return recorder.Tasks.Average(t => t.Status == TaskOutcome.Completed ? t.Latency : end - t.Created);
    }
}
