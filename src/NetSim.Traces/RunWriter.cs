using System.Globalization;
using Microsoft.Data.Sqlite;
using NetSim.Network.Recording;

namespace NetSim.Traces;

/// <summary>
/// Writes one run's rows. Task rows go through a statement prepared once and bound by position,
/// queue samples and positions through reused multi-row INSERTs; all are committed in
/// transactions of <see cref="RowsPerTransaction"/> rows, so memory stays flat whatever the number of
/// tasks. The run's status is <c>running</c> until <see cref="Complete"/> commits its last row;
/// <see cref="MarkFailed"/> and <see cref="MarkInterrupted"/> keep every row written so far.
/// Disposing a writer that was never given a final status marks the run failed.
/// </summary>
public sealed class RunWriter : IRunRecorder, IDisposable
{
    /// <summary>Rows written between commits.</summary>
    public const int RowsPerTransaction = 20_000;

    private const int SampleBatch = 128;
    private const int PositionBatch = 128;
    private readonly TraceDatabase _database;
    private readonly QueueSample[] _samples = new QueueSample[SampleBatch];
    private readonly PositionRecord[] _positions = new PositionRecord[PositionBatch];
    private TaskInsert? _taskInsert;
    private SqliteCommand? _sampleInsert;
    private SqliteCommand? _positionInsert;
    private SqliteTransaction? _transaction;
    private int _sampleCount;
    private int _positionCount;
    private int _rowsInTransaction;
    private bool _finished;

    internal RunWriter(TraceDatabase database, long runId, TraceLevel level)
    {
        _database = database;
        RunId = runId;
        Level = level;
    }

    /// <summary>The run's id in the database.</summary>
    public long RunId { get; }

    /// <inheritdoc />
    public TraceLevel Level { get; }

    /// <summary>Task rows handed to the writer (kept or not, by level).</summary>
    public long TasksSeen { get; private set; }

    private SqliteConnection Connection => _database.Connection;

    /// <inheritdoc />
    public void OnTask(in TaskRecord task)
    {
        TasksSeen++;
        if (Level == TraceLevel.Summary)
        {
            return;
        }

        Transaction();
        _taskInsert ??= new TaskInsert(Connection);
        _taskInsert.Write(RunId, task);
        Counted(1);
    }

    /// <inheritdoc />
    public void OnQueueSample(in QueueSample sample)
    {
        if (Level != TraceLevel.Full)
        {
            return;
        }

        _samples[_sampleCount++] = sample;
        if (_sampleCount == SampleBatch)
        {
            _sampleInsert ??= SampleInsert(SampleBatch);
            WriteSamples(_sampleInsert, SampleBatch);
        }
    }

    /// <inheritdoc />
    public void OnDownload(in DownloadRecord download)
    {
        if (Level != TraceLevel.Full)
        {
            return;
        }

        using var command = Command("INSERT INTO downloads(run_id, edge, model, requested, start, \"end\", bits, evicted) VALUES ($r, $e, $m, $q, $s, $t, $b, $v)");
        command.Parameters.AddWithValue("$r", RunId);
        command.Parameters.AddWithValue("$e", download.Edge);
        command.Parameters.AddWithValue("$m", download.Model);
        command.Parameters.AddWithValue("$q", Real(download.Requested));
        command.Parameters.AddWithValue("$s", Real(download.Start));
        command.Parameters.AddWithValue("$t", Real(download.End));
        command.Parameters.AddWithValue("$b", Real(download.Bits));
        command.Parameters.AddWithValue("$v", (object?)download.Evicted ?? DBNull.Value);
        command.ExecuteNonQuery();
        Counted(1);
    }

    /// <inheritdoc />
    public void OnHandover(in HandoverRecord handover)
    {
        if (Level == TraceLevel.Summary)
        {
            return;
        }

        Transaction();
        using var command = Command("INSERT INTO handovers(run_id, time, ue, from_station, to_station, reason, uploads) VALUES ($r, $t, $u, $f, $o, $w, $n)");
        command.Parameters.AddWithValue("$r", RunId);
        command.Parameters.AddWithValue("$t", handover.Time);
        command.Parameters.AddWithValue("$u", handover.Ue);
        command.Parameters.AddWithValue("$f", handover.From);
        command.Parameters.AddWithValue("$o", handover.To);
        command.Parameters.AddWithValue("$w", handover.Reason);
        command.Parameters.AddWithValue("$n", handover.Uploads);
        command.ExecuteNonQuery();
        Counted(1);
    }

    /// <inheritdoc />
    public void OnPosition(in PositionRecord position)
    {
        if (Level == TraceLevel.Summary)
        {
            return;
        }

        _positions[_positionCount++] = position;
        if (_positionCount == PositionBatch)
        {
            _positionInsert ??= PositionInsert(PositionBatch);
            WritePositions(_positionInsert, PositionBatch);
        }
    }

    /// <summary>Writes where the run's nodes stand (<c>nodes</c>), at every trace level.</summary>
    public void WritePlaces(IReadOnlyList<NodePlace> places)
    {
        ArgumentNullException.ThrowIfNull(places);
        Transaction();
        using var command = Command("INSERT INTO nodes(run_id, node, kind, x, y) VALUES ($r, $n, $k, $x, $y)");
        command.Parameters.AddWithValue("$r", RunId);
        var node = command.Parameters.Add("$n", SqliteType.Text);
        var kind = command.Parameters.Add("$k", SqliteType.Text);
        var x = command.Parameters.Add("$x", SqliteType.Real);
        var y = command.Parameters.Add("$y", SqliteType.Real);
        foreach (var place in places)
        {
            node.Value = place.Node;
            kind.Value = place.Kind;
            x.Value = Real(place.X);
            y.Value = Real(place.Y);
            command.ExecuteNonQuery();
        }

        Counted(places.Count);
    }

    /// <summary>Writes each measured node's queue statistics (<c>node_stats</c>), at every trace level.</summary>
    public void WriteNodeStatistics(IReadOnlyList<NodeStatistics> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        Transaction();
        var columns = TraceTables.Find("node_stats")!.Columns.Select(c => c.Name).ToList();
        using var command = Command($"INSERT INTO node_stats({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})");
        var parameters = columns.Select((_, i) => command.Parameters.Add($"$p{i}", SqliteType.Blob)).ToList();
        foreach (var node in nodes)
        {
            var r = node.Reading;
            object[] values =
            [
                RunId, node.Node, node.Kind, r.Servers, Real(r.From), Real(r.To), r.Arrivals, r.Departures,
                Real(r.MeanInQueue), Real(r.MeanInService), Real(r.MeanInSystem), Real(r.Utilisation),
                Real(r.MeanWait), Real(r.P95Wait), Real(r.MeanSojourn), Real(r.ArrivalRate), Real(r.Throughput),
                Real(r.MeanInSystem), Real(r.LambdaW), Real(r.MeanInSystem - r.LambdaW),
            ];
            for (var i = 0; i < values.Length; i++)
            {
                parameters[i].SqliteType = values[i] is string ? SqliteType.Text : values[i] is double ? SqliteType.Real : values[i] is DBNull ? SqliteType.Real : SqliteType.Integer;
                parameters[i].Value = values[i];
            }

            command.ExecuteNonQuery();
        }

        Counted(nodes.Count);
    }

    /// <summary>Writes one training episode's row.</summary>
    public void WriteEpisode(in EpisodeRecord episode)
    {
        using var command = Command("INSERT INTO episodes(run_id, agent, episode, reward, mean_latency, loss_actor, loss_critic, wall_seconds) VALUES ($r, $a, $e, $w, $l, $la, $lc, $s)");
        command.Parameters.AddWithValue("$r", RunId);
        command.Parameters.AddWithValue("$a", episode.Agent);
        command.Parameters.AddWithValue("$e", episode.Episode);
        command.Parameters.AddWithValue("$w", Real(episode.Reward));
        command.Parameters.AddWithValue("$l", Real(episode.MeanLatency));
        command.Parameters.AddWithValue("$la", Real(episode.LossActor));
        command.Parameters.AddWithValue("$lc", Real(episode.LossCritic));
        command.Parameters.AddWithValue("$s", Real(episode.WallSeconds));
        command.ExecuteNonQuery();
        Counted(1);
    }

    /// <summary>Commits the rows written so far (a worker that shares the file with others commits each chunk, so it holds the write lock only while it writes).</summary>
    public void Commit()
    {
        Flush();
        _transaction?.Commit();
        _transaction?.Dispose();
        _transaction = null;
        _rowsInTransaction = 0;
    }

    /// <summary>Writes the summary metrics, commits every row and marks the run complete.</summary>
    public void Complete(double simTime, long events, double wallSeconds, IReadOnlyDictionary<string, double> summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        Flush();
        foreach (var (metric, value) in summary.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            using var command = Command("INSERT OR REPLACE INTO summary(run_id, metric, value) VALUES ($r, $m, $v)");
            command.Parameters.AddWithValue("$r", RunId);
            command.Parameters.AddWithValue("$m", metric);
            command.Parameters.AddWithValue("$v", Real(value));
            command.ExecuteNonQuery();
        }

        Finish("complete", null, simTime, events, wallSeconds);
    }

    /// <summary>Keeps what was written and marks the run failed with <paramref name="message"/>.</summary>
    public void MarkFailed(string message, double simTime = double.NaN, long events = 0, double wallSeconds = double.NaN)
    {
        Flush();
        Finish("failed", message, simTime, events, wallSeconds);
    }

    /// <summary>Keeps what was written and marks the run interrupted (a signal), with <paramref name="reason"/> as its message.</summary>
    public void MarkInterrupted(double simTime = double.NaN, long events = 0, double wallSeconds = double.NaN, string reason = "interrupted by the user")
    {
        Flush();
        Finish("interrupted", reason, simTime, events, wallSeconds);
    }

    /// <summary>The database's refusal of a write in <paramref name="error"/> or the exceptions it wraps (a simulation passes on its recorder's), or null.</summary>
    public static SqliteException? WriteFailure(Exception? error)
    {
        for (; error is not null; error = error.InnerException)
        {
            if (error is SqliteException sqlite)
            {
                return sqlite;
            }
        }

        return null;
    }

    /// <summary>
    /// Ends the run after its database refused a write (<paramref name="error"/>: a full disk, an
    /// I/O error, a lock held too long): drops the rows not yet committed, marks the run failed if
    /// the file still takes that, and returns the one-line error to report, naming the file, the
    /// cause and whether the run could be marked (else it stays <c>running</c> until a later command
    /// finds it stale, as its process will be gone).
    /// </summary>
    public TraceException WriteFailed(SqliteException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var cause = TraceDatabase.Cause(error);
        _finished = true;
        _samples.AsSpan().Clear();
        _sampleCount = 0;
        _positionCount = 0;
        try
        {
            _transaction?.Dispose();
        }
        catch (SqliteException)
        {
            // SQLite rolled the transaction back itself.
        }

        _transaction = null;
        string outcome;
        try
        {
            using var command = Connection.CreateCommand();
            command.CommandText = "UPDATE runs SET status = 'failed', message = $m, finished_at = $f WHERE run_id = $r";
            command.Parameters.AddWithValue("$m", $"{cause} while writing its rows; the rows committed before are kept");
            command.Parameters.AddWithValue("$f", DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("$r", RunId);
            command.ExecuteNonQuery();
            outcome = "the run is marked failed, keeping the rows committed before";
        }
        catch (SqliteException)
        {
            outcome = "the run could not even be marked failed and stays running (netsim report --repair marks it interrupted once there is room)";
        }

        return new TraceException($"{_database.Path}: {cause} while writing run {RunId}; {outcome}", error);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_finished)
        {
            MarkFailed("the run ended without a final status");
        }

        _taskInsert?.Dispose();
        _sampleInsert?.Dispose();
        _positionInsert?.Dispose();
        _transaction?.Dispose();
    }

    private void Flush()
    {
        if (_sampleCount > 0)
        {
            using var command = SampleInsert(_sampleCount);
            WriteSamples(command, _sampleCount);
        }

        if (_positionCount > 0)
        {
            using var command = PositionInsert(_positionCount);
            WritePositions(command, _positionCount);
        }
    }

    private void Finish(string status, string? message, double simTime, long events, double wallSeconds)
    {
        if (_finished)
        {
            throw new InvalidOperationException($"run {RunId} already has a final status");
        }

        using (var command = Command("UPDATE runs SET status = $s, message = $m, finished_at = $f, sim_time = $t, events = $e, wall_seconds = $w WHERE run_id = $r"))
        {
            command.Parameters.AddWithValue("$s", status);
            command.Parameters.AddWithValue("$m", (object?)message ?? DBNull.Value);
            command.Parameters.AddWithValue("$f", DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("$t", Real(simTime));
            command.Parameters.AddWithValue("$e", events);
            command.Parameters.AddWithValue("$w", Real(wallSeconds));
            command.Parameters.AddWithValue("$r", RunId);
            command.ExecuteNonQuery();
        }

        _transaction?.Commit();
        _transaction?.Dispose();
        _transaction = null;
        _finished = true;
    }

    private SqliteCommand Command(string sql)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = Transaction();
        return command;
    }

    private SqliteTransaction Transaction() => _transaction ??= Connection.BeginTransaction();

    private void Counted(int rows)
    {
        _rowsInTransaction += rows;
        if (_rowsInTransaction >= RowsPerTransaction)
        {
            _transaction!.Commit();
            _transaction.Dispose();
            _transaction = null;
            _rowsInTransaction = 0;
        }
    }

    private SqliteCommand SampleInsert(int rows)
    {
        var values = string.Join(", ", Enumerable.Range(0, rows).Select(r => $"($r{r}, $n{r}, $t{r}, $l{r})"));
        var command = Connection.CreateCommand();
        command.CommandText = $"INSERT INTO queue_samples(run_id, node, time, length) VALUES {values}";
        for (var r = 0; r < rows; r++)
        {
            command.Parameters.Add(new SqliteParameter($"$r{r}", RunId));
            command.Parameters.Add(new SqliteParameter($"$n{r}", null));
            command.Parameters.Add(new SqliteParameter($"$t{r}", null));
            command.Parameters.Add(new SqliteParameter($"$l{r}", null));
        }

        command.Transaction = Transaction();
        command.Prepare();
        return command;
    }

    private void WriteSamples(SqliteCommand command, int rows)
    {
        var p = command.Parameters;
        for (var r = 0; r < rows; r++)
        {
            p[(r * 4) + 1].Value = _samples[r].Node;
            p[(r * 4) + 2].Value = _samples[r].Time;
            p[(r * 4) + 3].Value = _samples[r].Length;
        }

        command.Transaction = Transaction();
        command.ExecuteNonQuery();
        _sampleCount = 0;
        Counted(rows);
    }

    private SqliteCommand PositionInsert(int rows)
    {
        var values = string.Join(", ", Enumerable.Range(0, rows).Select(r => $"($r{r}, $t{r}, $u{r}, $x{r}, $y{r}, $s{r})"));
        var command = Connection.CreateCommand();
        command.CommandText = $"INSERT INTO positions(run_id, time, ue, x, y, station) VALUES {values}";
        for (var r = 0; r < rows; r++)
        {
            command.Parameters.Add(new SqliteParameter($"$r{r}", RunId));
            command.Parameters.Add(new SqliteParameter($"$t{r}", SqliteType.Real));
            command.Parameters.Add(new SqliteParameter($"$u{r}", SqliteType.Integer));
            command.Parameters.Add(new SqliteParameter($"$x{r}", SqliteType.Real));
            command.Parameters.Add(new SqliteParameter($"$y{r}", SqliteType.Real));
            command.Parameters.Add(new SqliteParameter($"$s{r}", SqliteType.Integer));
        }

        command.Transaction = Transaction();
        command.Prepare();
        return command;
    }

    private void WritePositions(SqliteCommand command, int rows)
    {
        var p = command.Parameters;
        for (var r = 0; r < rows; r++)
        {
            var position = _positions[r];
            p[(r * 6) + 1].Value = position.Time;
            p[(r * 6) + 2].Value = position.Ue;
            p[(r * 6) + 3].Value = position.X;
            p[(r * 6) + 4].Value = position.Y;
            p[(r * 6) + 5].Value = position.Station;
        }

        command.Transaction = Transaction();
        command.ExecuteNonQuery();
        _positionCount = 0;
        Counted(rows);
    }

    internal static string TaskStatus(TaskOutcome outcome) => outcome switch
    {
        TaskOutcome.Completed => "completed",
        TaskOutcome.Dropped => "dropped",
        _ => "unfinished",
    };

    private static object Real(double value) => double.IsNaN(value) ? DBNull.Value : value;
}
