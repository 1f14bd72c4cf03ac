using System.Globalization;
using NetSim.Kernel.Randomness;
using NetSim.Learning.Agents;
using NetSim.Network.Building;
using NetSim.Network.Recording;
using NetSim.Network.Scenario;
using NetSim.Network.Scheduling;

namespace NetSim.Learning.Tests;

/// <summary>
/// Every learned policy, untrained (as any scenario may name it), on every scenario file shipped
/// under scenarios/, scaled down to 5 s of arrivals and a 30 s hard stop: each run ends, every
/// created task is recorded once, the world's completed and dropped counts match the records, no
/// task completes undecided, and no decision names a node the scenario lacks or a ratio outside
/// [0, 1].
/// </summary>
public class LearnedPolicyMatrixTests
{
    public static TheoryData<string, string> Matrix()
    {
        var data = new TheoryData<string, string>();
        foreach (var scenario in ShippedScenarios())
        {
            foreach (var (agent, _) in AgentFactory.Agents)
            {
                data.Add(scenario, agent);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Given_a_shipped_scenario_and_an_untrained_learned_policy_When_run_scaled_down_Then_tasks_are_conserved_and_targets_exist(string file, string agent)
    {
        var loaded = ScenarioLoader.Load(Path.Combine(ScenariosDirectory, file), ["duration=5s", "max_time=30s"]);
        Assert.True(loaded.Ok, loaded.Report(file));
        var scenario = loaded.Scenario!;
        var registry = new PolicyRegistry();
        LearningCatalog.AddTo(registry);
        var recorder = new TaskList();
        var spec = ScenarioMapper.ToSpec(scenario, RandomStreams.Replication(scenario.Config.Seed, 0));
        var run = WorldBuilder.Build(spec, random => registry.Create(new PolicyContext(agent, random, new Dictionary<string, object?>(), null, scenario.Directory)), recorder);

        run.Run();

        var world = run.World;
        var tasks = recorder.Tasks;
        Assert.True(world.Created > 0, "the scaled-down run created no task");
        Assert.Equal(world.Created, tasks.Count);
        Assert.Equal(tasks.Count, tasks.Select(t => t.TaskId).Distinct().Count());
        Assert.Equal(world.CompletedCount, tasks.Count(t => t.Status == TaskOutcome.Completed));
        Assert.Equal(world.Dropped, tasks.Count(t => t.Status == TaskOutcome.Dropped));
        Assert.All(tasks, t => Assert.True(t.Status != TaskOutcome.Completed || t.Target is not null, $"task {t.TaskId} completed undecided"));
        var edges = scenario.Config.BaseStations.Count;
        foreach (var t in tasks)
        {
            Assert.InRange(t.OffloadRatio, 0.0, 1.0);
            Assert.True(t.Target is null || IsNode(t.Target, edges, scenario.Config.Cloud.Enabled), $"task {t.TaskId} assigned to {t.Target}, absent from {file}");
        }
    }

    private static string ScenariosDirectory => Repository.Scenarios;

    private static IEnumerable<string> ShippedScenarios() =>
        Directory.EnumerateFiles(ScenariosDirectory, "*.yaml", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(ScenariosDirectory, p))
            .Order(StringComparer.Ordinal);

    private static bool IsNode(string target, int edges, bool cloud) => target switch
    {
        "local" => true,
        "cloud" => cloud,
        _ => target.StartsWith("edge:", StringComparison.Ordinal)
            && int.TryParse(target.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var k)
            && k < edges,
    };

    private sealed class TaskList : IRunRecorder
    {
        public TraceLevel Level => TraceLevel.Tasks;

        public List<TaskRecord> Tasks { get; } = new();

        public void OnTask(in TaskRecord task) => Tasks.Add(task);

        public void OnQueueSample(in QueueSample sample)
        {
        }

        public void OnDownload(in DownloadRecord download)
        {
        }
    }
}
