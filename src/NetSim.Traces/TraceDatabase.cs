using System.Globalization;
using System.Reflection;
using Microsoft.Data.Sqlite;
using NetSim.Network.Recording;

namespace NetSim.Traces;

/// <summary>
/// An open trace database. Runs are added with <see cref="CreateRun(RunInfo, TraceLevel)"/>; the file is in WAL mode so
/// that readers may look at it while a run writes.
/// </summary>
public sealed class TraceDatabase : IDisposable
{
    private TraceDatabase(string path, SqliteConnection connection)
    {
        Path = path;
        Connection = connection;
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    internal SqliteConnection Connection { get; }

    /// <summary>The NetSim version written into each run.</summary>
    public static string NetSimVersion =>
        typeof(TraceDatabase).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>
    /// Opens or creates the database at <paramref name="path"/>. An existing file must be a NetSim
    /// trace database of a version this build reads; <paramref name="mode"/> says whether new runs
    /// are appended to it, it is refused, or it is replaced.
    /// </summary>
    public static TraceDatabase Open(string path, OpenMode mode = OpenMode.Append)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (File.Exists(full))
        {
            switch (mode)
            {
                case OpenMode.Refuse:
                    throw new TraceException($"{path} exists; pass --overwrite to replace it, or choose another --out");
                case OpenMode.Overwrite:
                    CheckReplaceable(path, full);
                    foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
                    {
                        File.Delete(full + suffix);
                    }

                    break;
                case OpenMode.Append:
                    if (!IsStub(full))
                    {
                        CheckExisting(path, full);
                    }

                    break;
            }
        }
        else
        {
            var directory = System.IO.Path.GetDirectoryName(full);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }

        var connection = Connect(full, SqliteOpenMode.ReadWriteCreate);
        try
        {
            Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
            Execute(connection, TraceSchema.Create);
            AddMissingColumns(connection);
            Execute(connection, $"INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', '{TraceSchema.Version}'), ('application', 'netsim');");
        }
        catch (SqliteException ex)
        {
            connection.Dispose();
            throw new TraceException((ex.SqliteErrorCode & 0xFF) == ReadOnly ? $"{path}: cannot be written: the file is read-only" : $"{path}: cannot create the trace tables: {Cause(ex)}", ex);
        }

        var database = new TraceDatabase(path, connection);
        database.Repaired = database.MarkStaleInterrupted(includeUnrecorded: false);
        return database;
    }

    /// <summary>The stale runs (<see cref="StaleRun"/>) that opening the file marked <c>interrupted</c>: those whose writer is provably gone.</summary>
    public IReadOnlyList<StaleRun> Repaired { get; private set; } = [];

    /// <summary>
    /// Marks the stale runs <c>interrupted</c>, with a message saying why: those whose writer is gone
    /// and, with <paramref name="includeUnrecorded"/>, those whose writer was not recorded. Returns them.
    /// </summary>
    public IReadOnlyList<StaleRun> MarkStaleInterrupted(bool includeUnrecorded)
    {
        var stale = StaleRuns(Connection).Where(r => includeUnrecorded || r.Writer is not null).ToList();
        if (stale.Count == 0)
        {
            return stale;
        }

        using var transaction = Connection.BeginTransaction();
        using var command = Connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "UPDATE runs SET status = 'interrupted', finished_at = $f, message = $m WHERE run_id = $r AND status = 'running'";
        var now = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        command.Parameters.AddWithValue("$f", now);
        command.Parameters.Add(new SqliteParameter("$m", null));
        command.Parameters.Add(new SqliteParameter("$r", null));
        foreach (var run in stale)
        {
            command.Parameters["$m"].Value = $"left running: {run.Why}; marked interrupted at {now} by {WriterProcess.Current}";
            command.Parameters["$r"].Value = run.RunId;
            command.ExecuteNonQuery();
        }

        transaction.Commit();
        return stale;
    }

    /// <summary>The stale runs of the database on <paramref name="connection"/> (columns it predates read as NULL).</summary>
    internal static List<StaleRun> StaleRuns(SqliteConnection connection)
    {
        var present = ColumnNames(connection, "runs");
        var writer = string.Join(", ", new[] { "writer_pid", "writer_host", "writer_started" }.Select(c => present.Contains(c) ? c : "NULL"));
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT run_id, started_at, scenario_sha256, params, policy, replication, seed, {writer} FROM runs WHERE status = 'running' ORDER BY run_id";
        using var reader = command.ExecuteReader();
        var stale = new List<StaleRun>();
        while (reader.Read())
        {
            var process = reader.IsDBNull(7) || reader.IsDBNull(8) ? null : new WriterProcess(reader.GetInt64(7), reader.GetString(8), reader.IsDBNull(9) ? null : reader.GetString(9));
            if (process is null || process.IsGone())
            {
                var key = RunKey.Of(reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetInt32(5), unchecked((ulong)reader.GetInt64(6)));
                stale.Add(new StaleRun(reader.GetInt64(0), key, reader.GetString(1), process));
            }
        }

        return stale;
    }

    /// <summary>
    /// Another connection to the same file, for a worker thread that writes its own runs beside this
    /// one's (SQLite lets one connection write at a time; the others wait for its commit).
    /// </summary>
    public TraceDatabase OpenWriter() => new(Path, Connect(System.IO.Path.GetFullPath(Path), SqliteOpenMode.ReadWrite));

    /// <summary>Every run's id, status and identity key, by id.</summary>
    public IReadOnlyList<(long RunId, string Status, string Key)> RunKeys()
    {
        using var command = Connection.CreateCommand();
        command.CommandText = "SELECT run_id, status, scenario_sha256, params, policy, replication, seed FROM runs ORDER BY run_id";
        using var reader = command.ExecuteReader();
        var keys = new List<(long, string, string)>();
        while (reader.Read())
        {
            keys.Add((reader.GetInt64(0), reader.GetString(1), RunKey.Of(reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetInt32(5), unchecked((ulong)reader.GetInt64(6)))));
        }

        return keys;
    }

    /// <summary>Deletes a run and every row of it (a leftover that a resumed sweep runs again).</summary>
    public void DeleteRun(long runId)
    {
        using var transaction = Connection.BeginTransaction();
        foreach (var table in new[] { "tasks", "nodes", "node_stats", "queue_samples", "downloads", "handovers", "positions", "episodes", "summary", "runs" })
        {
            using var command = Connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"DELETE FROM {table} WHERE run_id = $r";
            command.Parameters.AddWithValue("$r", runId);
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <summary>The sweep plans recorded in this database (<c>sweep_plan</c>), by sweep and plan index.</summary>
    public IReadOnlyList<PlanEntry> Plan() => ReadPlan(Connection, "main");

    /// <summary>
    /// Records a shard's plan in <c>sweep_plan</c>, giving its runs the ids that follow every id used
    /// or planned so far (their <see cref="PlanEntry.RunId"/> is ignored), in one write transaction:
    /// other processes writing the file at the same time get other ids. Refused when the file holds
    /// this shard's plan already (another process planned the same sweep meanwhile). Returns the
    /// entries with their ids.
    /// </summary>
    public IReadOnlyList<PlanEntry> ReservePlan(IReadOnlyList<PlanEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        using var transaction = Connection.BeginTransaction();
        if (entries.Count > 0)
        {
            using var mine = Connection.CreateCommand();
            mine.Transaction = transaction;
            mine.CommandText = "SELECT COUNT(*) FROM sweep_plan WHERE sweep = $s AND shard = $i AND shards = $n";
            mine.Parameters.AddWithValue("$s", entries[0].Sweep);
            mine.Parameters.AddWithValue("$i", entries[0].Shard);
            mine.Parameters.AddWithValue("$n", entries[0].Shards);
            if (Convert.ToInt64(mine.ExecuteScalar(), CultureInfo.InvariantCulture) > 0)
            {
                throw new TraceException($"{Path} already holds the plan of this sweep{(entries[0].Shards == 1 ? string.Empty : $"'s shard {entries[0].Shard}/{entries[0].Shards}")}: another netsim process is running it into this file, or ran it");
            }
        }

        var first = NextRunId(transaction);
        var reserved = entries.Select((e, i) => e with { RunId = first + i }).ToList();
        using var command = Connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT OR REPLACE INTO sweep_plan(sweep, scenario, shard, shards, sweep_runs, plan_index, run_id, run_key, label) VALUES ($s, $c, $i, $n, $t, $p, $r, $k, $l)";
        foreach (var name in new[] { "$s", "$c", "$i", "$n", "$t", "$p", "$r", "$k", "$l" })
        {
            command.Parameters.Add(new SqliteParameter(name, null));
        }

        foreach (var e in reserved)
        {
            object[] values = [e.Sweep, e.Scenario, e.Shard, e.Shards, e.SweepRuns, e.PlanIndex, e.RunId, e.RunKey, e.Label];
            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters[i].Value = values[i];
            }

            command.ExecuteNonQuery();
        }

        transaction.Commit();
        return reserved;
    }

    /// <summary>The plan rows of the database <paramref name="schema"/> on <paramref name="connection"/>; none when it predates the table.</summary>
    internal static List<PlanEntry> ReadPlan(SqliteConnection connection, string schema)
    {
        var entries = new List<PlanEntry>();
        if (ColumnNames(connection, "sweep_plan", schema).Count == 0)
        {
            return entries;
        }

        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT sweep, scenario, shard, shards, sweep_runs, plan_index, run_id, run_key, label FROM {schema}.sweep_plan ORDER BY sweep, plan_index";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            entries.Add(new PlanEntry(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4), reader.GetInt32(5), reader.GetInt64(6), reader.GetString(7), reader.GetString(8)));
        }

        return entries;
    }

    /// <summary>Starts a run: its row is committed with status <c>running</c> before this returns.</summary>
    public RunWriter CreateRun(RunInfo info, TraceLevel level) => CreateRun(info, level, null);

    /// <summary>
    /// Starts a run under the given <paramref name="runId"/> (which must be unused), so that runs
    /// written in any order get the same ids every time (a sweep's runs, for example).
    /// </summary>
    public RunWriter CreateRun(RunInfo info, TraceLevel level, long runId) => CreateRun(info, level, (long?)runId);

    /// <summary>The id the next run would get if created without one: one past the largest so far, of a run or of a sweep's planned run.</summary>
    public long NextRunId() => NextRunId(null);

    private long NextRunId(SqliteTransaction? transaction)
    {
        using var command = Connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {NextId}";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private RunWriter CreateRun(RunInfo info, TraceLevel level, long? requestedId)
    {
        ArgumentNullException.ThrowIfNull(info);
        using var command = Connection.CreateCommand();
        command.CommandText = $"""
            INSERT INTO runs(run_id, scenario, scenario_sha256, scenario_yaml, policy, seed, replication, params, status, started_at, netsim_version, trace_level, run_key, writer_pid, writer_host, writer_started)
            VALUES (COALESCE($id, (SELECT {NextId})), $scenario, $sha, $yaml, $policy, $seed, $replication, $params, 'running', $started, $version, $level, $key, $pid, $host, $processStarted)
            RETURNING run_id;
            """;
        command.Parameters.AddWithValue("$pid", WriterProcess.Current.Pid);
        command.Parameters.AddWithValue("$host", WriterProcess.Current.Host);
        command.Parameters.AddWithValue("$processStarted", (object?)WriterProcess.Current.Started ?? DBNull.Value);
        command.Parameters.AddWithValue("$id", requestedId is { } id ? id : DBNull.Value);
        command.Parameters.AddWithValue("$scenario", info.Scenario);
        command.Parameters.AddWithValue("$sha", info.ScenarioSha256);
        command.Parameters.AddWithValue("$yaml", info.ScenarioYaml);
        command.Parameters.AddWithValue("$policy", info.Policy);
        command.Parameters.AddWithValue("$seed", unchecked((long)info.Seed));
        command.Parameters.AddWithValue("$replication", info.Replication);
        command.Parameters.AddWithValue("$params", info.ParamsJson);
        command.Parameters.AddWithValue("$started", DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$version", NetSimVersion);
        command.Parameters.AddWithValue("$level", level.ToString().ToLowerInvariant());
        command.Parameters.AddWithValue("$key", RunKey.Of(info.ScenarioSha256, info.ParamsJson, info.Policy, info.Replication, info.Seed));
        var runId = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        return new RunWriter(this, runId, level);
    }

    /// <inheritdoc />
    public void Dispose() => Connection.Dispose();

    internal static SqliteConnection Connect(string fullPath, SqliteOpenMode mode) => ConnectSource(FileUri(fullPath), mode);

    /// <summary>
    /// A read-only connection to the trace database <paramref name="full"/> (shown as
    /// <paramref name="shown"/>), also on read-only storage: see <see cref="ReadingSource"/>.
    /// </summary>
    internal static SqliteConnection ConnectForReading(string shown, string full) => ConnectSource(ReadingSource(shown, full), SqliteOpenMode.ReadOnly);

    /// <summary>
    /// The URI that opens <paramref name="full"/> read-only (for a connection or an ATTACH). SQLite
    /// reads a WAL database through a <c>-shm</c> file beside it, which it creates when missing; on
    /// read-only storage, or in a folder this user may not write, it cannot, and the file is read as
    /// immutable instead (nothing writes it there). Refused, naming the cause, when the file cannot be
    /// read at all or when its <c>-wal</c> holds rows not yet in the file, which an immutable read would miss.
    /// </summary>
    internal static string ReadingSource(string shown, string full)
    {
        try
        {
            File.OpenRead(full).Dispose();
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            throw new TraceException($"{shown}: cannot be read ({ex.Message.TrimEnd('.')})", ex);
        }

        var source = FileUri(full) + "?mode=ro";
        try
        {
            using var probe = ConnectSource(source, SqliteOpenMode.ReadOnly);
            using var command = probe.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM sqlite_master";
            command.ExecuteScalar();
            return source;
        }
        catch (SqliteException ex) when ((ex.SqliteErrorCode & 0xFF) == CantOpen)
        {
            var wal = new FileInfo(full + "-wal");
            if (wal.Exists && wal.Length > 0)
            {
                throw new TraceException($"{shown}: cannot be read: it is on read-only storage (or in a folder this user may not write) and its write-ahead log {shown}-wal holds rows not yet in it; copy both files to writable storage and read the copy", ex);
            }

            return source + "&immutable=1";
        }
    }

    internal static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>The column names of <paramref name="table"/> (of the attached database <paramref name="schema"/>), in order.</summary>
    internal static List<string> ColumnNames(SqliteConnection connection, string table, string schema = "main")
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name FROM pragma_table_info('{table}', '{schema}') ORDER BY cid";
        var names = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static void AddMissingColumns(SqliteConnection connection)
    {
        foreach (var (table, column, type) in TraceSchema.AddedColumns)
        {
            if (!ColumnNames(connection, table).Contains(column))
            {
                Execute(connection, $"ALTER TABLE {table} ADD COLUMN {column} {type}");
            }
        }
    }

    /// <summary>Throws unless <paramref name="full"/> is a NetSim trace database this build can read.</summary>
    internal static void CheckExisting(string shown, string full)
    {
        var version = SchemaVersion(shown, full);
        if (version is null)
        {
            throw new TraceException($"{shown} is a SQLite database but not a NetSim trace database (no NetSim schema version); the file is left as it is");
        }

        if (version > TraceSchema.Version)
        {
            throw new TraceException($"{shown} has trace schema version {version}; this NetSim reads up to {TraceSchema.Version}");
        }
    }

    /// <summary>
    /// Throws unless <paramref name="full"/> may be replaced by <c>--overwrite</c>: a NetSim trace
    /// database (of any version) or a stub (<see cref="IsStub"/>). Anything else is another
    /// program's file and is left as it is.
    /// </summary>
    internal static void CheckReplaceable(string shown, string full)
    {
        if (IsStub(full))
        {
            return;
        }

        try
        {
            using var connection = Connect(full, SqliteOpenMode.ReadOnly);
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM sqlite_master";
            command.ExecuteScalar();
        }
        catch (SqliteException ex)
        {
            throw new TraceException($"{shown} is not a NetSim trace database ({ex.Message.TrimEnd('.')}); --overwrite replaces only NetSim trace databases, so the file is left as it is", ex);
        }

        if (SchemaVersion(shown, full) is null)
        {
            throw new TraceException($"{shown} is a SQLite database but not a NetSim trace database; --overwrite replaces only NetSim trace databases, so the file is left as it is");
        }
    }

    /// <summary>
    /// True for an empty file or a SQLite database without tables: what a run killed before its
    /// first commit leaves. Appending writes the trace tables into it; overwriting replaces it.
    /// </summary>
    private static bool IsStub(string full)
    {
        if (new FileInfo(full).Length == 0)
        {
            return true;
        }

        try
        {
            using var connection = Connect(full, SqliteOpenMode.ReadOnly);
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM sqlite_master";
            return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) == 0;
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    /// <summary>
    /// The NetSim schema version of <paramref name="full"/>, or null when it has no <c>meta</c> table
    /// naming NetSim as its application with a whole-number version (another program's database).
    /// </summary>
    private static int? SchemaVersion(string shown, string full)
    {
        try
        {
            using var connection = ConnectForReading(shown, full);
            using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT (SELECT value FROM meta WHERE key = 'schema_version')
                WHERE (SELECT value FROM meta WHERE key = 'application') = 'netsim'
                """;
            return command.ExecuteScalar() is string text && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 1 && ex.Message.Contains("no such table", StringComparison.Ordinal))
        {
            return null;
        }
        catch (SqliteException ex)
        {
            throw new TraceException($"{shown} is not a NetSim trace database ({ex.Message.TrimEnd('.')})", ex);
        }
    }

    /// <summary>
    /// The next free run id, as an SQL expression: past every run and every run a sweep planned
    /// (whose row another process may not have written yet). Evaluated inside the statement or
    /// write transaction that takes the id, so concurrent writers never get the same one.
    /// </summary>
    private const string NextId = "MAX(COALESCE((SELECT MAX(run_id) FROM runs), 0), COALESCE((SELECT MAX(run_id) FROM sweep_plan), 0)) + 1";

    /// <summary>
    /// The environment variable that caps a trace database's size, in SQLite pages (4 KiB): a write
    /// past it fails as on a full disk (SQLite's max_page_count). A quota, and a full disk on demand
    /// for testing how runs end on one.
    /// </summary>
    public const string MaxPagesVariable = "NETSIM_TRACE_MAX_PAGES";

    /// <summary>SQLite's SQLITE_BUSY and SQLITE_LOCKED: another connection held the lock past the timeout.</summary>
    private const int Busy = 5, Locked = 6;

    /// <summary>SQLite's SQLITE_IOERR: the operating system failed a read or write.</summary>
    private const int IoError = 10;

    /// <summary>SQLite's SQLITE_FULL: the disk is full (ENOSPC) or the file reached max_page_count.</summary>
    private const int Full = 13;

    /// <summary>SQLite's SQLITE_READONLY: a write to a file opened (or only openable) read-only.</summary>
    private const int ReadOnly = 8;

    /// <summary>SQLite's SQLITE_CANTOPEN: a file (the database, its -wal or -shm) could not be opened.</summary>
    private const int CantOpen = 14;

    /// <summary>
    /// What went wrong when SQLite refused a write, in words: a full disk (SQLITE_FULL, also what
    /// ENOSPC gives), read-only storage, an I/O error, or a lock another process held too long.
    /// </summary>
    internal static string Cause(SqliteException error) => (error.SqliteErrorCode & 0xFF) switch
    {
        Full => "disk full (or over NETSIM_TRACE_MAX_PAGES)",
        ReadOnly => "the file is read-only",
        IoError => $"I/O error ({error.Message.TrimEnd('.')})",
        Busy or Locked => "the database stayed locked by another process for over ten minutes",
        _ => error.Message.TrimEnd('.'),
    };

    private static SqliteConnection ConnectSource(string source, SqliteOpenMode mode)
    {
        // Writers of one file wait for each other's commits (a sweep's workers): up to ten minutes.
        var builder = new SqliteConnectionStringBuilder { DataSource = source, Mode = mode, Pooling = false, DefaultTimeout = 600 };
        var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        if (mode != SqliteOpenMode.ReadOnly && Environment.GetEnvironmentVariable(MaxPagesVariable) is { } cap)
        {
            if (!long.TryParse(cap, NumberStyles.None, CultureInfo.InvariantCulture, out var pages) || pages < 1)
            {
                connection.Dispose();
                throw new TraceException($"{MaxPagesVariable}={cap}: expected a whole number of pages, at least 1");
            }

            Execute(connection, $"PRAGMA max_page_count = {pages}");
        }

        return connection;
    }

    /// <summary>
    /// <paramref name="fullPath"/> as a SQLite URI, so that every connection accepts URI parameters
    /// (and an ATTACH on it accepts a URI such as <see cref="ReadingSource"/>'s).
    /// </summary>
    private static string FileUri(string fullPath) =>
        "file:" + fullPath.Replace("%", "%25", StringComparison.Ordinal).Replace("?", "%3f", StringComparison.Ordinal).Replace("#", "%23", StringComparison.Ordinal);
}
