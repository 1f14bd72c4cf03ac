using NetSim.Network.Building;
using NetSim.Network.Metrics;
using NetSim.Network.Policies;
using NetSim.Network.Recording;
using NetSim.Network.Scenario;
using NetSim.Network.Tests.World;

namespace NetSim.Network.Tests.Scenario;

/// <summary>
/// The shipped queueing scenarios, loaded from their files and run through the full world, against
/// the theory in their comments. Five replications each; theory within three 95% half-widths and 10%.
/// </summary>
public class QueueingScenarioTests
{
    [Theory]
    [InlineData("mm1.yaml", 4.0)]
    [InlineData("mmc.yaml", 1.0787)]
    [InlineData("md1.yaml", 2.0)]
    public void Given_a_queueing_scenario_file_When_run_five_times_Then_the_edge_wait_matches_its_theory(string file, double theory)
    {
        var scenario = ScenarioLoader.Load(Path.Combine(Repo.Scenarios, "queueing", file)).Scenario!;
        var waits = new List<double>();
        for (var r = 0; r < 5; r++)
        {
            var recorder = new ListRecorder(TraceLevel.Tasks);
            var spec = ScenarioMapper.ToSpec(scenario, Kernel.Randomness.RandomStreams.Replication(scenario.Config.Seed, r));
            WorldBuilder.Build(spec, _ => new NearestPolicy(), recorder).Run();
            waits.Add(recorder.Tasks.Average(t => t.ServiceStart - t.QueueEnter));
        }

        var ci = ConfidenceInterval.Of(waits);
        Assert.True(Math.Abs(ci.Mean - theory) < 3 * ci.HalfWidth, $"{file}: Wq {ci.Mean:F3} +- {ci.HalfWidth:F3} vs {theory}");
        Assert.True(Math.Abs(ci.Mean - theory) < 0.1 * theory, $"{file}: Wq {ci.Mean:F3} vs {theory} (10%)");
    }
}
