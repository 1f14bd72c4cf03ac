using System.Text.Json;
using NetSim.Network.Recording;
using NetSim.Traces;

namespace NetSim.Plots.Tests;

/// <summary>A small trace database written through the Traces writer, deleted when the test ends.</summary>
internal sealed class FixtureDatabase : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "netsim-plots-" + Guid.NewGuid().ToString("N"));
    private readonly TraceDatabase _database;

    public FixtureDatabase()
    {
        Directory.CreateDirectory(_directory);
        PathName = Path.Combine(_directory, "fixture.db");
        _database = TraceDatabase.Open(PathName);
    }

    public string PathName { get; }

    public string File(string name) => Path.Combine(_directory, name);

    /// <summary>Adds a complete run with the given params (or params column), summary metrics and rows.</summary>
    public long Run(
        string policy,
        IReadOnlyDictionary<string, string>? parameters = null,
        IReadOnlyDictionary<string, double>? summary = null,
        IEnumerable<TaskRecord>? tasks = null,
        IEnumerable<QueueSample>? samples = null,
        IEnumerable<EpisodeRecord>? episodes = null,
        string yaml = "seed: 1\n",
        int replication = 0,
        string? paramsJson = null,
        IReadOnlyList<NodePlace>? places = null,
        IEnumerable<PositionRecord>? positions = null,
        IEnumerable<HandoverRecord>? handovers = null)
    {
        // The hash of the resolved scenario, as netsim stores it: runs of different scenario files
        // have different identity keys (a report or figure counts runs with one key once).
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(yaml)));
        var info = new RunInfo("fixture", sha, yaml, policy, 1, replication, paramsJson ?? JsonSerializer.Serialize(parameters ?? new Dictionary<string, string>()));
        using var writer = _database.CreateRun(info, TraceLevel.Full);
        if (places is not null)
        {
            writer.WritePlaces(places);
        }

        foreach (var task in tasks ?? [])
        {
            writer.OnTask(task);
        }

        foreach (var sample in samples ?? [])
        {
            writer.OnQueueSample(sample);
        }

        foreach (var position in positions ?? [])
        {
            writer.OnPosition(position);
        }

        foreach (var handover in handovers ?? [])
        {
            writer.OnHandover(handover);
        }

        foreach (var episode in episodes ?? [])
        {
            writer.WriteEpisode(episode);
        }

        writer.Complete(10, 100, 0.1, summary ?? new Dictionary<string, double>());
        return writer.RunId;
    }

    /// <summary>A completed task with the given timestamps (seconds); latency is completed minus created.</summary>
    public static TaskRecord Task(long id, double created, double uploadStart, double uploadEnd, double modelWait, double queueEnter, double serviceStart, double serviceEnd, double completed) => new(
        id, 0, "sd", 1e6, 1e8, created, created, "edge:0", 1, uploadStart, uploadEnd, queueEnter, serviceStart, serviceEnd, modelWait,
        completed, completed - created, double.NaN, null, 0.1, double.NaN, TaskOutcome.Completed, completed);

    /// <summary>A completed local task of the given latency created at <paramref name="created"/>.</summary>
    public static TaskRecord Latency(long id, double latency, double created = 0) => Task(id, created, double.NaN, double.NaN, 0, created, created, created + latency, created + latency);

    public void Dispose()
    {
        _database.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
