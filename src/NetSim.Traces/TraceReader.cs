using Microsoft.Data.Sqlite;
using NetSim.Network.Recording;

namespace NetSim.Traces;

/// <summary>Reads a trace database (read-only; safe while another process writes to it; also on read-only storage).</summary>
public sealed class TraceReader : IDisposable
{
    private readonly SqliteConnection _connection;

    /// <summary>Opens <paramref name="path"/>, which must be a NetSim trace database.</summary>
    public TraceReader(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new TraceException($"{path}: no such trace database");
        }

        TraceDatabase.CheckExisting(path, full);
        _connection = TraceDatabase.ConnectForReading(path, full);
        Source = path;
    }

    /// <summary>The file read.</summary>
    public string Source { get; }

    /// <summary>Every run, by id.</summary>
    public IReadOnlyList<RunRow> Runs()
    {
        var rows = new List<RunRow>();
        foreach (var r in Query("SELECT run_id, scenario, scenario_sha256, policy, seed, replication, params, status, sim_time, events, wall_seconds, message FROM runs ORDER BY run_id"))
        {
            rows.Add(new RunRow(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), unchecked((ulong)r.GetInt64(4)), r.GetInt32(5), r.GetString(6), r.GetString(7), Real(r, 8), r.IsDBNull(9) ? 0 : r.GetInt64(9), Real(r, 10), r.IsDBNull(11) ? null : r.GetString(11)));
        }

        return rows;
    }

    /// <summary>
    /// The complete runs, by id, one per identity key (<see cref="RunRow.Key"/>): a database written
    /// before keys were enforced may hold one experiment twice, and statistics must count it once,
    /// so a later run with the key of an earlier one is left out.
    /// </summary>
    public IReadOnlyList<RunRow> CompleteRuns()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return [.. Runs().Where(r => r.Status == "complete" && seen.Add(r.Key))];
    }

    /// <summary>The runs still marked <c>running</c> whose writer is gone or was not recorded (<see cref="StaleRun"/>).</summary>
    public IReadOnlyList<StaleRun> StaleRuns() => TraceDatabase.StaleRuns(_connection);

    /// <summary>The NetSim build that wrote a run, or null for an unknown run.</summary>
    public string? Version(long runId) =>
        Query("SELECT netsim_version FROM runs WHERE run_id = $r", ("$r", runId)).Select(r => r.GetString(0)).FirstOrDefault();

    /// <summary>The resolved scenario (includes and overrides applied) a run ran, or null for an unknown run.</summary>
    public string? ScenarioYaml(long runId) =>
        Query("SELECT scenario_yaml FROM runs WHERE run_id = $r", ("$r", runId)).Select(r => r.GetString(0)).FirstOrDefault();

    /// <summary>Summary metrics of a run.</summary>
    public IReadOnlyDictionary<string, double> Summary(long runId)
    {
        var result = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var r in Query("SELECT metric, value FROM summary WHERE run_id = $r", ("$r", runId)))
        {
            result[r.GetString(0)] = Real(r, 1);
        }

        return result;
    }

    /// <summary>Tasks of a run in id order, streamed (a column the database predates reads as NaN).</summary>
    public IEnumerable<TaskRecord> Tasks(long runId)
    {
        var present = TraceDatabase.ColumnNames(_connection, "tasks");
        var columns = TraceSchema.TaskColumns.Skip(1).Select(c => present.Contains(c) ? c : "NULL");
        foreach (var r in Query($"SELECT {string.Join(", ", columns)} FROM tasks WHERE run_id = $r ORDER BY task_id", ("$r", runId)))
        {
            yield return new TaskRecord(
                r.GetInt64(0), r.GetInt32(1), r.GetString(2), Real(r, 3), Real(r, 4), Real(r, 5), Real(r, 6),
                r.IsDBNull(7) ? null : r.GetString(7), Real(r, 8), Real(r, 9), Real(r, 10), Real(r, 11), Real(r, 12),
                Real(r, 13), Real(r, 14), Real(r, 15), Real(r, 16), Real(r, 17), r.IsDBNull(18) ? null : r.GetInt64(18) != 0,
                Real(r, 19), Real(r, 20), Outcome(r.GetString(21)), Real(r, 22), Real(r, 23), Rejected(r.IsDBNull(24) ? null : r.GetString(24)), Real(r, 25));
        }
    }

    /// <summary>Queue-length samples of a run, optionally of one node, in time order.</summary>
    public IEnumerable<QueueSample> QueueSamples(long runId, string? node = null)
    {
        var sql = node is null
            ? "SELECT node, time, length FROM queue_samples WHERE run_id = $r ORDER BY rowid"
            : "SELECT node, time, length FROM queue_samples WHERE run_id = $r AND node = $n ORDER BY rowid";
        foreach (var r in Query(sql, ("$r", runId), ("$n", node ?? string.Empty)))
        {
            yield return new QueueSample(r.GetString(0), r.GetDouble(1), r.GetInt32(2));
        }
    }

    /// <summary>Where the nodes of a run stand; none for a run written before the <c>nodes</c> table existed.</summary>
    public IReadOnlyList<NodePlace> Places(long runId)
    {
        if (ColumnsOf("nodes").Count == 0)
        {
            return [];
        }

        return [.. Query("SELECT node, kind, x, y FROM nodes WHERE run_id = $r ORDER BY rowid", ("$r", runId)).Select(r => new NodePlace(r.GetString(0), r.GetString(1), Real(r, 2), Real(r, 3)))];
    }

    /// <summary>
    /// The measured nodes of a run (<c>node_stats</c>) in the order written, each with its numeric
    /// columns by name (NULL as NaN); none for a run written before the table existed.
    /// </summary>
    public IReadOnlyList<NodeStatsRow> NodeStatistics(long runId)
    {
        if (ColumnsOf("node_stats").Count == 0)
        {
            return [];
        }

        var numeric = TraceTables.Find("node_stats")!.Columns.Where(c => c.Type != "TEXT" && c.Name != "run_id").Select(c => c.Name).ToList();
        return [.. Query($"SELECT node, kind, {string.Join(", ", numeric)} FROM node_stats WHERE run_id = $r ORDER BY rowid", ("$r", runId))
            .Select(r => new NodeStatsRow(r.GetString(0), r.GetString(1), numeric.Select((c, i) => (c, Real(r, i + 2))).ToDictionary(p => p.c, p => p.Item2, StringComparer.Ordinal)))];
    }

    /// <summary>Model downloads of a run.</summary>
    public IEnumerable<DownloadRecord> Downloads(long runId)
    {
        foreach (var r in Query("SELECT edge, model, requested, start, \"end\", bits, evicted FROM downloads WHERE run_id = $r ORDER BY rowid", ("$r", runId)))
        {
            yield return new DownloadRecord(r.GetInt32(0), r.GetString(1), Real(r, 2), Real(r, 3), Real(r, 4), Real(r, 5), r.IsDBNull(6) ? null : r.GetString(6));
        }
    }

    /// <summary>Handovers of a run in time order; none for a run where no UE moved or written before the table existed.</summary>
    public IEnumerable<HandoverRecord> Handovers(long runId)
    {
        if (ColumnsOf("handovers").Count == 0)
        {
            yield break;
        }

        foreach (var r in Query("SELECT time, ue, from_station, to_station, reason, uploads FROM handovers WHERE run_id = $r ORDER BY rowid", ("$r", runId)))
        {
            yield return new HandoverRecord(r.GetDouble(0), r.GetInt32(1), r.GetInt32(2), r.GetInt32(3), r.GetString(4), r.GetInt32(5));
        }
    }

    /// <summary>Positions of a run's moving UEs, by UE then time; none for a run where no UE moved, kept less than task detail, or written before the table existed.</summary>
    public IEnumerable<PositionRecord> Positions(long runId)
    {
        if (ColumnsOf("positions").Count == 0)
        {
            yield break;
        }

        foreach (var r in Query("SELECT time, ue, x, y, station FROM positions WHERE run_id = $r ORDER BY ue, time, rowid", ("$r", runId)))
        {
            yield return new PositionRecord(r.GetDouble(0), r.GetInt32(1), r.GetDouble(2), r.GetDouble(3), r.GetInt32(4));
        }
    }

    /// <summary>Training episodes of a run.</summary>
    public IEnumerable<EpisodeRecord> Episodes(long runId)
    {
        foreach (var r in Query("SELECT agent, episode, reward, mean_latency, loss_actor, loss_critic, wall_seconds FROM episodes WHERE run_id = $r ORDER BY episode", ("$r", runId)))
        {
            yield return new EpisodeRecord(r.GetString(0), r.GetInt32(1), Real(r, 2), Real(r, 3), Real(r, 4), Real(r, 5), Real(r, 6));
        }
    }

    /// <summary>Columns of <paramref name="table"/> in this database (an older database may lack later ones), or none if it has no such table.</summary>
    internal List<string> ColumnsOf(string table) => TraceDatabase.ColumnNames(_connection, table);

    /// <summary>Rows of <paramref name="table"/>, with <paramref name="columns"/> in that order, streamed in storage order.</summary>
    internal IEnumerable<SqliteDataReader> Rows(string table, IReadOnlyList<string> columns) =>
        Query($"SELECT {string.Join(", ", columns.Select(TraceColumn.Quoted))} FROM {table} ORDER BY rowid");

    /// <summary>Rows in <paramref name="table"/>.</summary>
    internal long RowCount(string table) => Query($"SELECT COUNT(*) FROM {table}").Select(r => r.GetInt64(0)).First();

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();

    private static RejectReason Rejected(string? name) =>
        RejectReasons.TryParse(name, out var reason) ? reason : throw new TraceException($"unknown rejected_reason '{name}'");

    internal static TaskOutcome Outcome(string status) => status switch
    {
        "completed" => TaskOutcome.Completed,
        "dropped" => TaskOutcome.Dropped,
        "unfinished" => TaskOutcome.Unfinished,
        _ => throw new TraceException($"unknown task status '{status}'"),
    };

    private static double Real(SqliteDataReader r, int i) => r.IsDBNull(i) ? double.NaN : r.GetDouble(i);

    private IEnumerable<SqliteDataReader> Query(string sql, params (string Name, object Value)[] parameters)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            if (sql.Contains(name, StringComparison.Ordinal))
            {
                command.Parameters.AddWithValue(name, value);
            }
        }

        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return reader;
        }
    }
}
