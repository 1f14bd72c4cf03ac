using System.Globalization;
using NetSim.Network.Recording;
using NetSim.Network.Scenario.Config;
using NetSim.Policies.Tests.Support;

namespace NetSim.Policies.Tests;

/// <summary>
/// Every policy of the registry (the built-ins and <see cref="PolicyCatalog"/>, so a policy added
/// there is covered here without a change) on every scenario file shipped under scenarios/, scaled
/// down to 20 s of arrivals and a 60 s hard stop so that the whole matrix runs in seconds. Each run
/// must end and keep the invariants: every created task is recorded once and is completed, dropped
/// or unfinished; no task is assigned to a node the scenario lacks; offload ratios lie in [0, 1]
/// (0 or 1 without partial offloading); and each policy keeps the promises its documentation makes.
/// </summary>
public class PolicyMatrixTests
{
    private static readonly string[] ScaleDown = ["duration=20s", "max_time=60s"];

    /// <summary>The most tasks <c>exhaustive</c> enumerates in one epoch; slot and batch scenarios are cut to that many UEs for it.</summary>
    private const int ExhaustiveBatch = 8;

    /// <summary>What each policy promises beyond the common invariants, by name.</summary>
    private static readonly Dictionary<string, Action<List<TaskRecord>, long>> Promises = new()
    {
        ["local"] = (tasks, _) => Assert.All(tasks, t =>
        {
            Assert.True(t.Target is null or "local", $"task {t.TaskId} on {t.Target}");
            Assert.True(double.IsNaN(t.UploadStart), $"task {t.TaskId} uploaded");
        }),
        ["nearest"] = (tasks, _) => Assert.All(tasks, t => Assert.True(t.Target is null || t.Target.StartsWith("edge:", StringComparison.Ordinal), $"task {t.TaskId} on {t.Target}")),
        ["random"] = (tasks, _) => Assert.All(tasks, t => Assert.NotEqual("cloud", t.Target)),
        ["greedy"] = (tasks, _) => Assert.All(tasks, t =>
        {
            Assert.NotEqual("cloud", t.Target);
            Assert.True(t.OffloadRatio is 0 or 1, $"task {t.TaskId} split {t.OffloadRatio}");
        }),
        ["greedy-compatible"] = (tasks, downloads) =>
        {
            Assert.Equal(0, downloads);
            Assert.All(tasks, t =>
            {
                Assert.NotEqual("cloud", t.Target);
                Assert.True(t.OffloadRatio is 0 or 1, $"task {t.TaskId} split {t.OffloadRatio}");
            });
        },
        ["optimal"] = WholeTasksOffTheCloud,
        ["exhaustive"] = WholeTasksOffTheCloud,
        ["least-latency"] = (tasks, _) => Assert.All(tasks, t =>
        {
            var tenths = t.OffloadRatio * 10;
            Assert.True(Math.Abs(tenths - Math.Round(tenths)) < 1e-9, $"task {t.TaskId}: ratio {t.OffloadRatio} is not a tenth");
        }),
    };

    public static TheoryData<string, string> Matrix()
    {
        var data = new TheoryData<string, string>();
        foreach (var scenario in Repo.ShippedScenarios())
        {
            foreach (var policy in Catalog.Registry().Names)
            {
                data.Add(scenario, policy);
            }
        }

        return data;
    }

    [Fact]
    public void Given_the_catalog_When_listed_Then_it_holds_the_four_analytic_policies_and_the_matrix_covers_the_paper_scenarios()
    {
        var names = Catalog.Registry().Names.ToList();
        Assert.Superset(new HashSet<string> { "random", "greedy", "greedy-compatible", "least-latency", "local", "nearest" }, names.ToHashSet());
        var scenarios = Repo.ShippedScenarios().ToList();
        Assert.Contains(Path.Combine("papers", "zhou2024", "zhou2024.yaml"), scenarios);
        Assert.Contains(Path.Combine("papers", "wang2025", "wang2025.yaml"), scenarios);
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Given_a_shipped_scenario_and_a_catalog_policy_When_run_scaled_down_Then_the_invariants_hold(string file, string policy)
    {
        var scenario = ScenarioRuns.Load(file, ScaleDown);
        if (policy == "exhaustive" && scenario.Config.Scheduler.Epoch != EpochName.Arrival && scenario.Config.Ues.Count > ExhaustiveBatch)
        {
            scenario = ScenarioRuns.Load(file, [.. ScaleDown, $"ues.count={ExhaustiveBatch}"]);
        }

        var (run, recorder) = ScenarioRuns.Run(scenario, policy);
        var world = run.World;
        var tasks = recorder.Tasks;
        var config = scenario.Config;

        Assert.True(world.Created > 0, "the scaled-down run created no task");
        Assert.Equal(world.Created, tasks.Count);
        Assert.Equal(tasks.Count, tasks.Select(t => t.TaskId).Distinct().Count());
        var completed = tasks.Count(t => t.Status == TaskOutcome.Completed);
        var dropped = tasks.Count(t => t.Status == TaskOutcome.Dropped);
        var unfinished = tasks.Count(t => t.Status == TaskOutcome.Unfinished);
        Assert.Equal(world.Created, completed + dropped + unfinished);
        Assert.Equal(world.CompletedCount, completed);
        Assert.Equal(world.Dropped, dropped);

        foreach (var t in tasks)
        {
            Assert.True(t.Target is not null || t.Status != TaskOutcome.Completed, $"task {t.TaskId} completed undecided");
            if (t.Target is { } target)
            {
                Assert.True(IsNode(target, config.BaseStations.Count, config.Cloud.Enabled), $"task {t.TaskId} assigned to {target}, absent from {file}");
            }

            Assert.InRange(t.OffloadRatio, 0.0, 1.0);
            Assert.True(t.Target != "local" || t.OffloadRatio == 0, $"local task {t.TaskId} has ratio {t.OffloadRatio}");
            Assert.True(config.Offloading.Partial || t.OffloadRatio is 0 or 1, $"task {t.TaskId} split {t.OffloadRatio} without partial offloading");
        }

        // Admission control runs a refused task at its fallback, which the policy did not choose: with
        // the cloud as fallback (scenarios/mobility/highway.yaml) a policy that never picks the cloud
        // still has tasks there, so its promise is about its choices, not the targets recorded.
        var fallbackToCloud = run.Spec.Admission.Enabled && config.BaseStations.Admission.Fallback == FallbackName.Cloud;
        if (!fallbackToCloud && Promises.TryGetValue(policy, out var promise))
        {
            promise(tasks, world.Downloads);
        }
    }

    /// <summary>Problem (1) of Zhou et al. has local and edge targets only, each task whole.</summary>
    private static void WholeTasksOffTheCloud(List<TaskRecord> tasks, long downloads) => Assert.All(tasks, t =>
    {
        Assert.NotEqual("cloud", t.Target);
        Assert.True(t.OffloadRatio is 0 or 1, $"task {t.TaskId} split {t.OffloadRatio}");
    });

    private static bool IsNode(string target, int edges, bool cloud) => target switch
    {
        "local" => true,
        "cloud" => cloud,
        _ => target.StartsWith("edge:", StringComparison.Ordinal)
            && int.TryParse(target.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var k)
            && k < edges,
    };
}
