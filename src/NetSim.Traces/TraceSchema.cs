namespace NetSim.Traces;

/// <summary>
/// The trace database's tables: the contract every reader relies on (see DESIGN.md). Columns may be
/// added in later versions; none is ever renamed. Times are simulated seconds, sizes bits, work
/// FLOPs, energy joules; a NaN is stored as NULL.
/// </summary>
public static class TraceSchema
{
    /// <summary>Schema version this build writes and reads.</summary>
    public const int Version = 1;

    /// <summary>Columns of <c>tasks</c>, in insertion order.</summary>
    public static readonly string[] TaskColumns =
    [
        "run_id", "task_id", "ue", "model", "size_bits", "work_flops", "created", "decided", "target", "offload_ratio",
        "upload_start", "upload_end", "queue_enter", "service_start", "service_end", "model_wait", "completed", "latency",
        "deadline", "met_deadline", "energy_j", "quality", "status", "ended", "grant_wait", "rejected_reason",
    ];

    /// <summary>
    /// Columns added after version 1's first tables, as (table, column, type): a database written
    /// before a column existed gets it (NULL in its old rows) when it is opened to append to.
    /// </summary>
    public static readonly (string Table, string Column, string Type)[] AddedColumns =
    [
        ("tasks", "ended", "REAL"),
        ("runs", "run_key", "TEXT"),
        ("tasks", "grant_wait", "REAL"),
        ("tasks", "rejected_reason", "TEXT"),
    ];

    /// <summary>Statements that create every table and index (idempotent).</summary>
    public const string Create = """
        CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS runs(
            run_id INTEGER PRIMARY KEY,
            scenario TEXT NOT NULL,
            scenario_sha256 TEXT NOT NULL,
            scenario_yaml TEXT NOT NULL,
            policy TEXT NOT NULL,
            seed INTEGER NOT NULL,
            replication INTEGER NOT NULL,
            params TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('running', 'complete', 'failed', 'interrupted')),
            started_at TEXT NOT NULL,
            finished_at TEXT,
            sim_time REAL,
            events INTEGER,
            wall_seconds REAL,
            netsim_version TEXT NOT NULL,
            message TEXT,
            trace_level TEXT NOT NULL,
            run_key TEXT);
        CREATE TABLE IF NOT EXISTS tasks(
            run_id INTEGER NOT NULL, task_id INTEGER NOT NULL, ue INTEGER NOT NULL, model TEXT NOT NULL,
            size_bits REAL, work_flops REAL, created REAL, decided REAL, target TEXT, offload_ratio REAL,
            upload_start REAL, upload_end REAL, queue_enter REAL, service_start REAL, service_end REAL,
            model_wait REAL, completed REAL, latency REAL, deadline REAL, met_deadline INTEGER, energy_j REAL,
            quality REAL, status TEXT NOT NULL, ended REAL, grant_wait REAL, rejected_reason TEXT);
        CREATE INDEX IF NOT EXISTS tasks_run ON tasks(run_id);
        CREATE TABLE IF NOT EXISTS queue_samples(run_id INTEGER NOT NULL, node TEXT NOT NULL, time REAL NOT NULL, length INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS queue_samples_run ON queue_samples(run_id, node, time);
        CREATE TABLE IF NOT EXISTS downloads(run_id INTEGER NOT NULL, edge INTEGER NOT NULL, model TEXT NOT NULL,
            requested REAL, start REAL, "end" REAL, bits REAL, evicted TEXT);
        CREATE INDEX IF NOT EXISTS downloads_run ON downloads(run_id);
        CREATE TABLE IF NOT EXISTS episodes(run_id INTEGER NOT NULL, agent TEXT NOT NULL, episode INTEGER NOT NULL,
            reward REAL, mean_latency REAL, loss_actor REAL, loss_critic REAL, wall_seconds REAL);
        CREATE INDEX IF NOT EXISTS episodes_run ON episodes(run_id, episode);
        CREATE TABLE IF NOT EXISTS sweep_plan(sweep TEXT NOT NULL, scenario TEXT NOT NULL, shard INTEGER NOT NULL, shards INTEGER NOT NULL,
            sweep_runs INTEGER NOT NULL, plan_index INTEGER NOT NULL, run_id INTEGER NOT NULL, run_key TEXT NOT NULL, label TEXT NOT NULL,
            PRIMARY KEY(sweep, plan_index));
        CREATE TABLE IF NOT EXISTS summary(run_id INTEGER NOT NULL, metric TEXT NOT NULL, value REAL, PRIMARY KEY(run_id, metric));
        """;
}
