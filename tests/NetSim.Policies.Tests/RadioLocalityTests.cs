using NetSim.Network.Recording;
using NetSim.Network.Scheduling;
using NetSim.Network.Tasks;
using NetSim.Policies.Tests.Support;

namespace NetSim.Policies.Tests;

/// <summary>
/// channel.interference_tolerance: at 0 every UE counts at every station (the dense, exact model);
/// at the default a UE counts only within its range. Every shipped scenario is small enough that
/// every station is in range of every UE, so its results do not move; a city-sized world does move,
/// by little.
/// </summary>
public class RadioLocalityTests
{
    private static readonly string[] ScaleDown = ["duration=20s", "max_time=60s"];

    /// <summary>The quickstart tiled: a station per 300 m cell on a 15 x 14 grid (4.5 km x 4.2 km), 5 UEs per cell.</summary>
    private static readonly string[] City =
    [
        "ues.count=1000",
        "ues.placement.kind=rectangle",
        "ues.placement.width=4500m",
        "ues.placement.height=4200m",
        "base_stations.count=200",
        "base_stations.placement.width=4500m",
        "base_stations.placement.height=4200m",
    ];

    public static TheoryData<string> Shipped()
    {
        var data = new TheoryData<string>();
        foreach (var scenario in Repo.ShippedScenarios())
        {
            data.Add(scenario);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Shipped))]
    public void Given_a_shipped_scenario_When_run_at_tolerance_zero_and_at_the_default_Then_every_task_record_is_the_same_bit_for_bit(string file)
    {
        var exact = ScenarioRuns.Load(file, [.. ScaleDown, "channel.interference_tolerance=0"]);
        var local = ScenarioRuns.Load(file, ScaleDown);
        // The scenario's own policy, or (for a learned one, which lives elsewhere) least-latency,
        // which reads the interference of the uploads in flight.
        var policy = Catalog.Registry().Names.Contains(exact.Config.Policy.Name) ? exact.Config.Policy.Name : "least-latency";

        var (exactRun, exactTasks) = ScenarioRuns.Run(exact, policy);
        var (localRun, localTasks) = ScenarioRuns.Run(local, policy);

        Assert.True(exactTasks.Tasks.Count > 0, "the scaled-down run created no task");
        Assert.Equal(exactRun.World.Simulation.ProcessedEvents, localRun.World.Simulation.ProcessedEvents);
        Assert.Equal(exactTasks.Tasks, localTasks.Tasks);
    }

    [Theory]
    [InlineData("greedy")]
    [InlineData("greedy-compatible")]
    public void Given_a_city_at_the_default_tolerance_When_a_policy_looks_at_the_stations_in_range_first_Then_each_decision_is_that_of_a_scan_of_every_station(string name)
    {
        // 1,000 UEs and 200 cells over 4.5 km x 4.2 km: each UE has only part of the stations in
        // range (asserted), so a decision taken among those alone could differ from a scan of all.
        var scenario = ScenarioRuns.Load("quickstart.yaml", [.. City, "duration=2s"]);
        var spec = NetSim.Network.Scenario.ScenarioMapper.ToSpec(scenario, 1);
        var checker = new ScanAll(Catalog.Factory(name)(new Random(1)));
        var run = NetSim.Network.Building.WorldBuilder.Build(spec, _ => checker, new ListRecorder(TraceLevel.Tasks));

        run.Run();

        Assert.True(checker.Decisions > 1000, $"{checker.Decisions} decisions");
        Assert.True(checker.FewestInRange < 200, $"{checker.FewestInRange} stations in range of the UE with fewest");
    }

    [Fact]
    public void Given_a_city_of_1000_UEs_and_200_cells_When_run_at_the_default_tolerance_Then_the_mean_latency_is_within_one_percent_of_the_exact_one()
    {
        // The quickstart tiled (City). The default range (2.07 km: 0.1 W received at 1e-2 of the
        // -100 dBm noise) leaves out of each station the UEs beyond it, each below 1e-2 of the
        // noise power; the far uploads in flight at once add a few tenths of the noise against
        // interference from the nearer cells that is several times it, so the mean latency falls
        // by a few tenths of a percent (0.35% in this seeded run; the run is deterministic). A
        // tolerance of 0.1 (range 1.1 km) moves it by 2.4%, which this bound would refuse.
        // The exact run counts every UE at every station (tolerance 0).
        string[] city = [.. City, "duration=4s"];
        var (_, exact) = ScenarioRuns.Run(ScenarioRuns.Load("quickstart.yaml", [.. city, "channel.interference_tolerance=0"]), "nearest");
        var (_, local) = ScenarioRuns.Run(ScenarioRuns.Load("quickstart.yaml", city), "nearest");

        static double MeanLatency(ListRecorder r) => r.Tasks.Where(t => t.Status == TaskOutcome.Completed).Average(t => t.Latency);
        var difference = (MeanLatency(local) - MeanLatency(exact)) / MeanLatency(exact);

        Assert.Equal(exact.Tasks.Count, local.Tasks.Count);
        Assert.NotEqual(exact.Tasks, local.Tasks);
        Assert.True(Math.Abs(difference) < 0.01, $"mean latency {MeanLatency(local):G6} s at the default against {MeanLatency(exact):G6} s exact: {difference:P3}");
    }

    /// <summary>Runs a policy and checks each of its decisions against a scan of every station by the same estimates.</summary>
    private sealed class ScanAll(IPolicy inner) : IPolicy
    {
        public string Name => inner.Name;

        public int Decisions { get; private set; }

        public int FewestInRange { get; private set; } = int.MaxValue;

        public IReadOnlyList<Assignment> Decide(Observation observation, IReadOnlyList<TaskView> batch)
        {
            var decided = inner.Decide(observation, batch);
            for (var i = 0; i < batch.Count; i++)
            {
                var task = batch[i];
                FewestInRange = Math.Min(FewestInRange, observation.StationsInRange(task.Ue).Length);
                var expected = inner.Name == "greedy" ? Greedy(observation, task) : Compatible(observation, task);
                Assert.Equal(expected, decided[i].Target == TargetKind.Edge ? decided[i].Index : -1);
                Decisions++;
            }

            return decided;
        }

        private static int Greedy(Observation observation, TaskView task)
        {
            var best = -1;
            var bestLatency = GreedyPolicy.LocalEstimate(observation, task);
            for (var m = 0; m < observation.EdgeCount; m++)
            {
                var latency = GreedyPolicy.EdgeEstimate(observation, task, m);
                if (latency < bestLatency)
                {
                    bestLatency = latency;
                    best = m;
                }
            }

            return best;
        }

        private static int Compatible(Observation observation, TaskView task)
        {
            var best = -1;
            var bestDistance = double.PositiveInfinity;
            for (var m = 0; m < observation.EdgeCount; m++)
            {
                var distance = observation.UePosition(task.Ue).DistanceTo(observation.EdgePosition(m));
                if (observation.HasModel(m, task.Model) && distance < bestDistance)
                {
                    bestDistance = distance;
                    best = m;
                }
            }

            return best;
        }
    }
}
