using NetSim.Network.Building;
using NetSim.Network.Scenario;
using NetSim.Network.Scheduling;
using NetSim.Network.Tasks;
using NetSim.Policies.ScaKkt;

namespace NetSim.Policies.Tests.ScaKkt;

/// <summary>The figures sca-kkt reports to a run's summary (policy:joint_objective of wang2024-fig2).</summary>
public sealed class MetricsTests
{
    private const int Ues = 8;
    private const double Budget = 200;

    [Fact]
    public void Given_the_wang2024_scenario_with_8_ues_When_run_with_sca_kkt_Then_joint_objective_is_eq_8_at_the_decisions_that_ran()
    {
        var (policy, decisions) = Run();

        // Eq. 8 recomputed from the assignments the world received, on the paper's values written out by hand.
        const double f = 1.5e9, g = 10e9, k = 1e-26;
        var task = new ScaKktTask(0.002, 0.001, k * f * f * f * 0.002, k * g * g * g * 0.001, 1, 0.1, 0.05, 20, 100);
        var problem = new ScaKktProblem(Enumerable.Repeat(task, Ues).ToArray(), Budget, 1, new ScaKktWeights(1, 1, 1e-3, 0.3, 0.7));
        var ordered = decisions.OrderBy(d => d.TaskId).ToArray();
        var offload = ordered.Select(d => d.Target == TargetKind.Edge).ToArray();
        var steps = ordered.Select(d => (double)d.Steps!.Value).ToArray();
        var expected = problem.Objective(offload, steps);

        var metrics = policy.Metrics;
        Assert.Equal(1, metrics["solves"]);
        Assert.Equal(expected, metrics["joint_objective"], 1e-9 * Math.Abs(expected));
        Assert.Equal(offload.Count(a => a) / (double)Ues, metrics["offload_rate"], 1e-12);
        Assert.Equal(ScaKktSolver.Solve(problem).PaperObjective, metrics["paper_objective"], 1e-9 * Math.Abs(expected));
    }

    [Fact]
    public void Given_a_fresh_sca_kkt_policy_When_nothing_was_decided_Then_every_metric_is_zero()
    {
        var policy = new ScaKktPolicy(ScaKktOptions.Parse(new Dictionary<string, object?>()));

        Assert.All(policy.Metrics.Values, v => Assert.Equal(0, v));
    }

    private static (ScaKktPolicy Policy, List<Assignment> Decisions) Run()
    {
        var path = Path.Combine(Repo.Root, "scenarios", "papers", "wang2024", "wang2024.yaml");
        var loaded = ScenarioLoader.Load(path, [$"ues.count={Ues}", $"base_stations.server.cores={Ues}", $"policy.options.edge_steps_budget={Budget}"]);
        Assert.True(loaded.Ok, loaded.Report(path));
        var scenario = loaded.Scenario!;
        var registry = PolicyRegistry.WithBuiltIns();
        PolicyCatalog.AddTo(registry);
        var options = scenario.Config.Policy.Options.ToDictionary(kv => kv.Key, kv => (object?)kv.Value.Value);
        ScaKktPolicy? inner = null;
        RecordingPolicy? recording = null;
        var run = WorldBuilder.Build(
            ScenarioMapper.ToSpec(scenario, 1),
            random =>
            {
                inner = (ScaKktPolicy)registry.Create(new PolicyContext("sca-kkt", random, options, null, scenario.Directory));
                recording = new RecordingPolicy(inner);
                return recording;
            },
            new TaskListRecorder());
        run.Run();
        return (inner!, recording!.Decisions.Values.ToList());
    }
}
