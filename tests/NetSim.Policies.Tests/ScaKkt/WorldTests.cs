using NetSim.Network.Building;
using NetSim.Network.Recording;
using NetSim.Network.Scenario;
using NetSim.Network.Scheduling;
using NetSim.Policies.ScaKkt;

namespace NetSim.Policies.Tests.ScaKkt;

/// <summary>sca-kkt deciding the batch of the shipped wang2024 scenario, scaled down to 8 UEs.</summary>
public sealed class WorldTests
{
    private const int Ues = 8;
    private const double Budget = 200;

    [Fact]
    public void Given_the_wang2024_scenario_with_8_ues_When_run_with_sca_kkt_Then_steps_respect_eqs_1_and_2_and_each_task_runs_and_scores_its_steps()
    {
        var (records, decisions) = Run();

        Assert.Equal(Ues, records.Count);
        var edgeSteps = 0;
        foreach (var task in records)
        {
            var decision = decisions[task.TaskId];
            Assert.Equal(TaskOutcome.Completed, task.Status);
            Assert.NotNull(decision.Steps);
            var s = decision.Steps.Value;
            var offloaded = decision.Target == Network.Tasks.TargetKind.Edge;
            Assert.InRange(s, 1, offloaded ? 100 : 20);
            edgeSteps += offloaded ? s : 0;

            // Eq. 3: s steps of 1/1000 s on the edge (g = 10 GHz) or 1/500 s on the device (f = 1.5 GHz).
            var (stepTime, rate) = offloaded ? (0.001, 10e9) : (0.002, 1.5e9);
            Assert.Equal(s * stepTime * rate, task.WorkFlops, 1e-6 * task.WorkFlops);
            Assert.Equal(s * stepTime, task.ServiceEnd - task.ServiceStart, 1e-9);

            // Eq. 7 with C2 = 0.05 from the scenario's quality section.
            Assert.Equal(1 - Math.Exp(-s * 0.05), task.Quality, 1e-12);
            if (!offloaded)
            {
                // Eq. 5: k T f^3 with k = 1e-26, nothing sent.
                Assert.Equal(1e-26 * s * 0.002 * Math.Pow(1.5e9, 3), task.EnergyJ, 1e-9 * task.EnergyJ);
            }
        }

        Assert.InRange(edgeSteps, 1, Budget);
        Assert.Contains(decisions.Values, d => d.Target == Network.Tasks.TargetKind.Local);
    }

    [Fact]
    public void Given_the_wang2024_scenario_with_8_ues_When_run_with_sca_kkt_Then_the_decisions_are_the_optimisers_on_the_papers_values()
    {
        var (records, decisions) = Run();

        // The same batch written out by hand from the scenario's values (section IV-A of the paper).
        const double f = 1.5e9, g = 10e9, k = 1e-26;
        var task = new ScaKktTask(0.002, 0.001, k * f * f * f * 0.002, k * g * g * g * 0.001, 1, 0.1, 0.05, 20, 100);
        var problem = new ScaKktProblem(Enumerable.Repeat(task, Ues).ToArray(), Budget, 1, new ScaKktWeights(1, 1, 1e-3, 0.3, 0.7));
        var solution = ScaKktSolver.Solve(problem);

        var ordered = records.OrderBy(r => r.Ue).Select(r => decisions[r.TaskId]).ToArray();
        Assert.Equal(solution.Offload, ordered.Select(d => d.Target == Network.Tasks.TargetKind.Edge));
        Assert.Equal(solution.WholeSteps, ordered.Select(d => d.Steps!.Value));
    }

    private static (List<TaskRecord> Records, Dictionary<long, Assignment> Decisions) Run()
    {
        var path = Path.Combine(Repo.Root, "scenarios", "papers", "wang2024", "wang2024.yaml");
        var loaded = ScenarioLoader.Load(path, [$"ues.count={Ues}", $"base_stations.server.cores={Ues}", $"policy.options.edge_steps_budget={Budget}"]);
        Assert.True(loaded.Ok, loaded.Report(path));
        var scenario = loaded.Scenario!;
        var registry = PolicyRegistry.WithBuiltIns();
        PolicyCatalog.AddTo(registry);
        var options = scenario.Config.Policy.Options.ToDictionary(kv => kv.Key, kv => (object?)kv.Value.Value);
        RecordingPolicy? policy = null;
        var recorder = new TaskListRecorder();
        var run = WorldBuilder.Build(
            ScenarioMapper.ToSpec(scenario, 1),
            random => policy = new RecordingPolicy(registry.Create(new PolicyContext("sca-kkt", random, options, null, scenario.Directory))),
            recorder);
        run.Run();
        return (recorder.Tasks, policy!.Decisions);
    }
}
