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
                    foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
                    {
                        File.Delete(full + suffix);
                    }

                    break;
                case OpenMode.Append:
                    CheckExisting(path, full);
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
            throw new TraceException($"{path}: cannot create the trace tables: {ex.Message}", ex);
        }

        return new TraceDatabase(path, connection);
    }

    /// <summary>Starts a run: its row is committed with status <c>running</c> before this returns.</summary>
    public RunWriter CreateRun(RunInfo info, TraceLevel level) => CreateRun(info, level, null);

    /// <summary>
    /// Starts a run under the given <paramref name="runId"/> (which must be unused), so that runs
    /// written in any order get the same ids every time (a sweep's runs, for example).
    /// </summary>
    public RunWriter CreateRun(RunInfo info, TraceLevel level, long runId) => CreateRun(info, level, (long?)runId);

    /// <summary>The id the next run would get if created without one: one past the largest so far.</summary>
    public long NextRunId()
    {
        using var command = Connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(run_id), 0) + 1 FROM runs";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private RunWriter CreateRun(RunInfo info, TraceLevel level, long? requestedId)
    {
        ArgumentNullException.ThrowIfNull(info);
        using var command = Connection.CreateCommand();
        command.CommandText = """
            INSERT INTO runs(run_id, scenario, scenario_sha256, scenario_yaml, policy, seed, replication, params, status, started_at, netsim_version, trace_level)
            VALUES ($id, $scenario, $sha, $yaml, $policy, $seed, $replication, $params, 'running', $started, $version, $level)
            RETURNING run_id;
            """;
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
        var runId = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        return new RunWriter(this, runId, level);
    }

    /// <inheritdoc />
    public void Dispose() => Connection.Dispose();

    internal static SqliteConnection Connect(string fullPath, SqliteOpenMode mode)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = fullPath, Mode = mode, Pooling = false };
        var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        return connection;
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
        try
        {
            using var connection = Connect(full, SqliteOpenMode.ReadOnly);
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT value FROM meta WHERE key = 'schema_version'";
            var version = command.ExecuteScalar();
            if (version is null)
            {
                throw new TraceException($"{shown} is a SQLite database but not a NetSim trace database (no schema version)");
            }

            var number = int.Parse((string)version, CultureInfo.InvariantCulture);
            if (number > TraceSchema.Version)
            {
                throw new TraceException($"{shown} has trace schema version {number}; this NetSim reads up to {TraceSchema.Version}");
            }
        }
        catch (SqliteException ex)
        {
            throw new TraceException($"{shown} is not a NetSim trace database ({ex.Message.TrimEnd('.')})", ex);
        }
    }
}
