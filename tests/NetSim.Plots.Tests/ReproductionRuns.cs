using System.Text.Json;
using NetSim.Network.Recording;
using NetSim.Network.Scenario;

namespace NetSim.Plots.Tests;

/// <summary>
/// Writes runs into a fixture database the way tools/reproduce-papers.sh makes them: each run's
/// scenario_yaml is the real scenario file under scenarios/papers resolved by the scenario loader
/// with the run's overrides (what netsim run and netsim sweep store), and its params column is what
/// the command writes (the --set values, plus the grid point for a sweep, or the training record).
/// </summary>
internal sealed class ReproductionRuns(FixtureDatabase db)
{
    private readonly Dictionary<string, string> _resolved = new(StringComparer.Ordinal);

    /// <summary>A summary where every created task completed.</summary>
    public static Dictionary<string, double> Completed(double latency, double energy = 0.002, double deadlineMet = 1) => new()
    {
        ["tasks_created"] = 100,
        ["completion_rate"] = 1,
        ["mean_latency"] = latency,
        ["mean_latency_all_lower_bound"] = latency,
        ["mean_energy_j"] = energy,
        ["deadline_met_rate"] = deadlineMet,
        ["tasks_dropped"] = 0,
        ["tasks_unfinished"] = 0,
    };

    /// <summary><c>netsim run FILE --policy POLICY --set ...</c>, replication <paramref name="replication"/>.</summary>
    public void Run(string file, string policy, string[] sets, int replication, IReadOnlyDictionary<string, double> summary) =>
        db.Run(policy, Sets(sets), summary, yaml: Resolved(file, sets), replication: replication);

    /// <summary>One run of <c>netsim sweep FILE --set ...</c> at grid point <paramref name="point"/>.</summary>
    public void Sweep(string file, string[] sets, (string Key, string Value)[] point, string policy, int replication, IReadOnlyDictionary<string, double> summary)
    {
        var parameters = Sets(sets).Where(s => point.All(p => p.Key != s.Key)).ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal);
        foreach (var (key, value) in point)
        {
            parameters[key] = value;
        }

        db.Run(policy, parameters, summary, yaml: Resolved(file, [.. sets, .. point.Select(p => $"{p.Key}={p.Value}")]), replication: replication);
    }

    /// <summary><c>netsim train FILE --agent AGENT --set ...</c> with one episode row per reward.</summary>
    public void Train(string file, string agent, string[] sets, IReadOnlyList<double> rewards)
    {
        var json = JsonSerializer.Serialize(new Dictionary<string, object> { ["train"] = true, ["first_episode"] = 0, ["episodes"] = rewards.Count, ["overrides"] = sets });
        var episodes = rewards.Select((r, i) => new EpisodeRecord(agent, i, r, double.NaN, double.NaN, double.NaN, 1)).ToList();
        db.Run(agent, episodes: episodes, yaml: Resolved(file, sets), paramsJson: json);
    }

    private static Dictionary<string, string> Sets(string[] sets) =>
        sets.Select(s => s.Split('=', 2)).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);

    private string Resolved(string file, string[] overrides)
    {
        var key = file + "\u001f" + string.Join('\u001f', overrides);
        if (!_resolved.TryGetValue(key, out var yaml))
        {
            var path = Path.Combine(Root, "scenarios", "papers", file);
            var loaded = ScenarioLoader.Load(path, overrides);
            yaml = loaded.Scenario?.ResolvedYaml ?? throw new InvalidOperationException(loaded.Report(path));
            _resolved[key] = yaml;
        }

        return yaml;
    }

    internal static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NetSim.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("NetSim.sln not found above the test folder");
    }
}
