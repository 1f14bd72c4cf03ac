using System.Globalization;
using NetSim.Network.Building;
using NetSim.Network.Policies;
using NetSim.Network.Recording;
using NetSim.Network.Scenario;
using NetSim.Traces;

namespace NetSim.Bench.Workloads;

/// <summary>
/// The modelled world end to end as <c>netsim run --trace tasks</c> drives it: a shipped scenario
/// scaled with overrides, the nearest policy, every task row written to a SQLite trace database.
/// </summary>
internal sealed class WorldWorkload(string name, string scenario, double tasksPerSecond, int tasks, params string[] overrides) : IWorkload
{
    public string Name { get; } = name;

    public WorkloadResult Run(double scale)
    {
        var duration = tasks * scale / tasksPerSecond;
        var sets = overrides.Append(string.Create(CultureInfo.InvariantCulture, $"duration={duration}s")).Append("max_time=1000000s").ToArray();
        var loaded = ScenarioLoader.Load(Path.Combine(Root(), "scenarios", scenario), sets);
        if (!loaded.Ok)
        {
            throw new InvalidOperationException(loaded.Report(scenario));
        }

        var file = Path.Combine(Path.GetTempPath(), $"netsim-bench-{Guid.NewGuid():N}.db");
        try
        {
            using var database = TraceDatabase.Open(file);
            using var writer = database.CreateRun(new RunInfo(scenario, loaded.Scenario!.Sha256, loaded.Scenario.ResolvedYaml, "nearest", 1, 0, "{}"), TraceLevel.Tasks);
            var run = WorldBuilder.Build(ScenarioMapper.ToSpec(loaded.Scenario, 1), _ => new NearestPolicy(), writer);
            run.Run();
            var sim = run.World.Simulation;
            writer.Complete(sim.Now, sim.ProcessedEvents, 0, new Dictionary<string, double>());
            return new WorkloadResult(sim.ProcessedEvents, writer.TasksSeen, "tasks", new Dictionary<string, double>
            {
                ["peak_working_set_mb"] = Environment.WorkingSet / 1e6,
                ["process_peak_working_set_mb"] = System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / 1e6,
            });
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
            {
                File.Delete(file + suffix);
            }
        }
    }

    /// <summary>The repository's root directory, found upwards from the benchmark's binaries.</summary>
    internal static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NetSim.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("run the benchmark from inside the repository");
    }
}
