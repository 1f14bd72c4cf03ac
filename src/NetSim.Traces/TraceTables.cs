using System.Text;

namespace NetSim.Traces;

/// <summary>One column of a trace table.</summary>
/// <param name="Name">Column name.</param>
/// <param name="Type">SQLite type: <c>INTEGER</c>, <c>REAL</c> or <c>TEXT</c>.</param>
/// <param name="Unit">Unit of the stored value (<c>s</c>, <c>bit</c>, <c>FLOP</c>, <c>J</c>), or empty for a count, a name or a plain number.</param>
/// <param name="Meaning">What the value is, for the documentation and exports.</param>
/// <param name="Constraint">SQL after the type (<c>NOT NULL</c>, <c>PRIMARY KEY</c>, a check), or empty.</param>
public sealed record TraceColumn(string Name, string Type, string Unit, string Meaning, string Constraint = "")
{
    /// <summary>The column's definition in <c>CREATE TABLE</c>.</summary>
    public string Definition => Constraint.Length == 0 ? $"{Quoted(Name)} {Type}" : $"{Quoted(Name)} {Type} {Constraint}";

    /// <summary>The name as SQL reads it (<c>end</c> is a keyword).</summary>
    public static string Quoted(string name) => name == "end" ? "\"end\"" : name;
}

/// <summary>One table of the trace database.</summary>
/// <param name="Name">Table name.</param>
/// <param name="Filled">Which trace level or command writes it, and when ("by `--trace full`").</param>
/// <param name="Rows">What one row is, after "one row per" ("task").</param>
/// <param name="Columns">Columns, in creation order.</param>
/// <param name="Key">Table constraint after the columns (a composite primary key), or empty.</param>
/// <param name="Indexes">Indexes as (name, column list).</param>
public sealed record TraceTable(string Name, string Filled, string Rows, IReadOnlyList<TraceColumn> Columns, string Key = "", IReadOnlyList<(string Name, string Columns)>? Indexes = null)
{
    /// <summary>The column named <paramref name="name"/>, or null.</summary>
    public TraceColumn? Column(string name) => Columns.FirstOrDefault(c => c.Name == name);
}

/// <summary>
/// Every table and column of the trace database with its type, unit and meaning: the one place the
/// schema is declared. <see cref="TraceSchema.Create"/> is generated from it, and so are
/// docs/trace-schema.md (<see cref="ToMarkdown"/>, <c>netsim schema --traces</c>) and the types and
/// units of <c>netsim export</c>.
/// </summary>
public static class TraceTables
{
    private const string Integer = "INTEGER";
    private const string Real = "REAL";
    private const string Text = "TEXT";
    private const string NotNull = "NOT NULL";

    private static readonly TraceColumn RunId = new("run_id", Integer, "", "the run (`runs.run_id`)", NotNull);

    /// <summary>Every table, in creation order.</summary>
    public static readonly IReadOnlyList<TraceTable> All =
    [
        new("meta", "when the database is created", "setting of the database",
        [
            new("key", Text, "", "`schema_version` (the version of this schema, 1) or `application` (`netsim`); a file without them is not a NetSim database and is refused", "PRIMARY KEY"),
            new("value", Text, "", "the setting's value", NotNull),
        ]),
        new("runs", "by every run, at every trace level, when it starts and when it ends", "run: one replication of one scenario under one policy (or one training)",
        [
            new("run_id", Integer, "", "the run's number in this database", "PRIMARY KEY"),
            new("scenario", Text, "", "the scenario's name", NotNull),
            new("scenario_sha256", Text, "", "SHA-256 of the resolved scenario text", NotNull),
            new("scenario_yaml", Text, "", "the resolved scenario text (includes and `--set` applied)", NotNull),
            new("policy", Text, "", "the policy's name", NotNull),
            new("seed", Integer, "", "the replication's seed (a 64-bit pattern stored as a signed integer)", NotNull),
            new("replication", Integer, "", "the replication's index, from 0", NotNull),
            new("params", Text, "", "JSON of the overrides and sweep values of this run (its grid point)", NotNull),
            new("status", Text, "", "`running` until the last row is committed, then `complete`; `failed` (with `message`) or `interrupted`", "NOT NULL CHECK (status IN ('running', 'complete', 'failed', 'interrupted'))"),
            new("started_at", Text, "", "wall-clock start, ISO 8601 UTC", NotNull),
            new("finished_at", Text, "", "wall-clock end, ISO 8601 UTC; NULL while running"),
            new("sim_time", Real, "s", "simulated time the clock reached"),
            new("events", Integer, "", "kernel events processed"),
            new("wall_seconds", Real, "s", "wall time the run took"),
            new("netsim_version", Text, "", "the build that wrote the run", NotNull),
            new("message", Text, "", "why a run failed or was interrupted; NULL otherwise"),
            new("trace_level", Text, "", "`summary`, `tasks` or `full`", NotNull),
            new("run_key", Text, "", "the run's identity: a hash of scenario hash, `params`, policy, replication and seed. A key is `complete` at most once in a database: append and merge refuse a second, and reports and figures count it once. Added after the first databases: an older database gains it when appended to"),
            new("writer_pid", Integer, "", "the id of the process that wrote the run. Added after the first databases (NULL in older rows). A run still `running` is **stale** when it was written on this host and that process is gone (no process has its id, or the one that has it started at another time): `netsim report` names stale runs, and `netsim report --repair` or the next run, sweep or training appended to the database marks them `interrupted`. A run written on another host is never judged stale; one without a recorded writer (an older NetSim) is named by `report` and marked only by `--repair`"),
            new("writer_host", Text, "", "the host name of the process that wrote the run (added with `writer_pid`)"),
            new("writer_started", Text, "", "when the process that wrote the run started, ISO 8601 UTC (added with `writer_pid`): with the pid, it tells a live writer from a reused process id"),
        ]),
        new("tasks", "by `--trace tasks` and `--trace full`, as each task leaves the system or the run ends", "task",
        [
            RunId,
            new("task_id", Integer, "", "the task, unique within the run", NotNull),
            new("ue", Integer, "", "index of the user equipment that created it", NotNull),
            new("model", Text, "", "the AIGC model it needs", NotNull),
            new("size_bits", Real, "bit", "input size"),
            new("work_flops", Real, "FLOP", "compute work assigned on the executing node (a dropped task counts the work it was given)"),
            new("created", Real, "s", "simulated time of creation"),
            new("decided", Real, "s", "simulated time the scheduler assigned it"),
            new("target", Text, "", "`local`, `edge:K` or `cloud`; NULL while undecided"),
            new("offload_ratio", Real, "", "fraction offloaded, 0 (local) to 1"),
            new("upload_start", Real, "s", "simulated time its uplink transmission started; NULL without an upload"),
            new("upload_end", Real, "s", "simulated time its uplink transmission ended"),
            new("queue_enter", Real, "s", "simulated time it joined the executing node's queue"),
            new("service_start", Real, "s", "simulated time compute started"),
            new("service_end", Real, "s", "simulated time compute ended"),
            new("model_wait", Real, "s", "duration spent waiting for a model download or switch"),
            new("completed", Real, "s", "simulated time the result reached the device"),
            new("latency", Real, "s", "duration `completed - created`, completed tasks only"),
            new("deadline", Real, "s", "absolute simulated time by which it should complete (`created` plus its relative deadline); NULL without one"),
            new("met_deadline", Integer, "", "1 if it completed by `deadline`, 0 if not; NULL without a deadline"),
            new("energy_j", Real, "J", "energy it consumed, whatever became of it: compute, transmission at the power radiated, and the model download its request started"),
            new("quality", Real, "", "generated-content quality in [0, 1]; NULL where not modelled"),
            new("status", Text, "", "`completed`, `dropped` or `unfinished`", NotNull),
            new("ended", Real, "s", "simulated time it completed, was dropped, or (unfinished) the run ended; `ended - created` is a dropped or unfinished task's age, which `mean_latency_all_lower_bound` averages. Added after the first databases: older rows read NULL"),
            new("grant_wait", Real, "s", "duration the upload waited for an uplink grant before `upload_start` (0 when granted at once, always 0 with `max_grants: unbounded`); NULL for a task that uploaded nothing. Added after the first databases (NULL in older rows)"),
            new("rejected_reason", Text, "", "why admission control refused the task (`capacity`, `deadline` or `range`), NULL when it was admitted; a refused task's other columns describe what its fallback made of it (`target` `local` or `cloud`, or `status` `dropped`). `coverage_lost` is not a refusal: the task's UE left the coverage of every station, or of the station (not its serving one) its upload went to, while its upload was in progress or waiting for a grant, and the task was dropped. Added after the first databases (NULL in older rows)"),
            new("relay", Real, "s", "duration the task spent relayed between stations after its UE was handed over (`ues.mobility`): its input from the station its upload ended at to its edge target, and its result from the station that computed it (or brought it back from the cloud) to the UE's serving station, each over the first station's backhaul (queue, rate and propagation delay), before the downlink; NULL without a relay (always, where no UE moves). Added after the first databases (NULL in older rows)"),
        ], Indexes: [("tasks_run", "run_id")]),
        new("nodes", "by every run, at every trace level, when it starts", "node with a place: a user equipment, a base station or the cloud",
        [
            RunId,
            new("node", Text, "", "the node's name: `ue:N`, `edge:K` (the base station and its server) or `cloud`; the names of `tasks.target` and `queue_samples.node`", NotNull),
            new("kind", Text, "", "`ue`, `station` or `cloud`", NotNull),
            new("x", Real, "m", "east coordinate; NULL for the cloud, which has no place in the plane"),
            new("y", Real, "m", "north coordinate; NULL for the cloud"),
        ], Indexes: [("nodes_run", "run_id")]),
        new("node_stats", "by every run, at every trace level, when it completes", "measured node of a run: each station's server (`edge:K`), uplink (`uplink:K`) and backhaul (`backhaul:K`), and the cloud; UE processors are not measured (each serves its own device's tasks; `summary` keeps their mean utilisation)",
        [
            RunId,
            new("node", Text, "", "the node: `edge:K`, `uplink:K`, `backhaul:K` or `cloud` (the names of `queue_samples.node`; an uplink's job is one upload, waiting for a grant then sending)", NotNull),
            new("kind", Text, "", "`server`, `uplink`, `backhaul` or `cloud`", NotNull),
            new("servers", Integer, "", "jobs served at once at full rate: a server's cores; 1 for a link and an uplink, which count as busy while they send anything", NotNull),
            new("interval_start", Real, "s", "start of the measured interval: the warm-up cut (`summary` metric `warmup_cut_s`)"),
            new("interval_end", Real, "s", "end of the measured interval: when arrivals stop (`duration`); the drain after it is not measured"),
            new("arrivals", Integer, "", "jobs that arrived in the interval"),
            new("departures", Integer, "", "jobs that finished service in the interval"),
            new("mean_in_queue", Real, "", "time-average number of jobs waiting over the interval (Lq), an exact integral of the queue's length"),
            new("mean_in_service", Real, "", "time-average number of jobs in service over the interval"),
            new("mean_in_system", Real, "", "time-average number of jobs at the node, waiting or in service (L)"),
            new("utilisation", Real, "", "time-average busy servers divided by `servers`, over the interval"),
            new("mean_wait_s", Real, "s", "mean waiting time before service (Wq) of the jobs that arrived in the interval and started service by the end of the run"),
            new("p95_wait_s", Real, "s", "95th percentile (nearest rank, within 0.25%) of those waiting times"),
            new("mean_sojourn_s", Real, "s", "mean time from arrival to the end of service (W) of the jobs that arrived in the interval and finished"),
            new("arrival_rate", Real, "1/s", "`arrivals` divided by the interval's length (lambda)"),
            new("throughput", Real, "1/s", "`departures` divided by the interval's length"),
            new("little_l", Real, "", "Little's law, left side: `mean_in_system`"),
            new("little_lambda_w", Real, "", "Little's law, right side: `arrival_rate` times `mean_sojourn_s`"),
            new("little_diff", Real, "", "`little_l - little_lambda_w`: near 0 in steady state; jobs present at the interval's ends make it differ by O(1 / interval)"),
        ], Indexes: [("node_stats_run", "run_id")]),
        new("handovers", "by `--trace tasks` and `--trace full`, as each happens (only where UEs move, `ues.mobility`)", "handover: a UE's serving station changed",
        [
            RunId,
            new("time", Real, "s", "simulated time of the handover", NotNull),
            new("ue", Integer, "", "index of the user equipment", NotNull),
            new("from_station", Integer, "", "index of the station that served it", NotNull),
            new("to_station", Integer, "", "index of the station that serves it now", NotNull),
            new("reason", Text, "", "`strongest` or `nearest` (the association rule chose another station after its time to trigger) or `coverage` (the serving station no longer covered the UE)", NotNull),
            new("uploads", Integer, "", "uploads of the UE in progress (or waiting for a grant) that the handover moved to the new station", NotNull),
        ], Indexes: [("handovers_run", "run_id, time")]),
        new("positions", "by `--trace tasks` and `--trace full` (only where UEs move, `ues.mobility`), as the run reaches each corner of a moving UE's path", "corner of a moving UE's path (UEs that stand still have none): where it stood at time 0, at the start of each leg of its trajectory (a waypoint, the start or end of a pause, a Gauss-Markov step, a point of a trace), at each position update (`ues.mobility.update`) where its serving station changed, and when the run ended. Between two consecutive rows of a UE it moved in a straight line at constant speed, so the line through its rows is its path, exactly, at a cost of rows per leg rather than per update",
        [
            RunId,
            new("time", Real, "s", "simulated time of the corner (rows of one UE may share one: a leg that starts at the update that hands it over)", NotNull),
            new("ue", Integer, "", "index of the user equipment", NotNull),
            new("x", Real, "m", "east coordinate where it stood", NotNull),
            new("y", Real, "m", "north coordinate where it stood", NotNull),
            new("station", Integer, "", "index of the station serving it from this moment on (a handover at this moment already counted), or -1 when no station covered it", NotNull),
        ], Indexes: [("positions_run", "run_id, ue, time")]),
        new("queue_samples", "by `--trace full`", "change of a node's length",
        [
            RunId,
            new("node", Text, "", "the node (`local:N`, `edge:K`, `cloud`, a link)", NotNull),
            new("time", Real, "s", "simulated time of the change", NotNull),
            new("length", Integer, "", "jobs at the node just after the change, waiting or in service", NotNull),
        ], Indexes: [("queue_samples_run", "run_id, node, time")]),
        new("downloads", "by `--trace full`", "model download to an edge cache",
        [
            new("run_id", Integer, "", "the run (`runs.run_id`)", NotNull),
            new("edge", Integer, "", "index of the edge server", NotNull),
            new("model", Text, "", "the model downloaded", NotNull),
            new("requested", Real, "s", "simulated time of the cache miss"),
            new("start", Real, "s", "simulated time the transfer started on the backhaul"),
            new("end", Real, "s", "simulated time the model was ready in the cache"),
            new("bits", Real, "bit", "model size"),
            new("evicted", Text, "", "comma-separated models evicted to make room; NULL if none"),
        ], Indexes: [("downloads_run", "run_id")]),
        new("episodes", "by `netsim train`, with each checkpoint", "training episode",
        [
            RunId,
            new("agent", Text, "", "the agent trained", NotNull),
            new("episode", Integer, "", "the episode, from 0", NotNull),
            new("reward", Real, "", "the episode's total reward"),
            new("mean_latency", Real, "s", "mean latency over the episode's completed tasks"),
            new("loss_actor", Real, "", "the actor's mean loss over the episode's updates"),
            new("loss_critic", Real, "", "the critic's mean loss over the episode's updates"),
            new("wall_seconds", Real, "s", "wall time the episode took"),
        ], Indexes: [("episodes_run", "run_id, episode")]),
        new("sweep_plan", "by `netsim sweep`, before its runs start", "run a sweep (or one shard of it) owns; `netsim merge` refuses a missing, foreign or incomplete shard by it and `sweep --resume` runs only what is not complete",
        [
            new("sweep", Text, "", "hash identifying the sweep", NotNull),
            new("scenario", Text, "", "the sweep's scenario", NotNull),
            new("shard", Integer, "", "this shard, from 0", NotNull),
            new("shards", Integer, "", "shards the sweep is split into", NotNull),
            new("sweep_runs", Integer, "", "runs in the whole sweep", NotNull),
            new("plan_index", Integer, "", "the run's place in the whole sweep's plan", NotNull),
            new("run_id", Integer, "", "the run id it is written under", NotNull),
            new("run_key", Text, "", "the run's identity (`runs.run_key`)", NotNull),
            new("label", Text, "", "the grid point, policy and replication, readable", NotNull),
        ], Key: "PRIMARY KEY(sweep, plan_index)"),
        new("summary", "by every run, at every trace level, when it completes", "metric of a run",
        [
            RunId,
            new("metric", Text, "", "the metric's name, defined with its population in `src/NetSim.Network/Metrics/MetricCatalog.cs` (docs/models.md), among them the rejection rates `rejected_rate`, `rejected_capacity`, `rejected_deadline`, `rejected_range` (all created tasks; only when admission control is on); also `utilisation:NODE`, `policy:NAME`", NotNull),
            new("value", Real, "", "the metric's value in SI units (seconds, joules, a fraction)"),
        ], Key: "PRIMARY KEY(run_id, metric)"),
    ];

    /// <summary>The table named <paramref name="name"/>, or null.</summary>
    public static TraceTable? Find(string name) => All.FirstOrDefault(t => t.Name == name);

    /// <summary>Statements that create every table and index (idempotent).</summary>
    public static string CreateStatements()
    {
        var sql = new StringBuilder();
        foreach (var table in All)
        {
            var parts = table.Columns.Select(c => c.Definition).ToList();
            if (table.Key.Length > 0)
            {
                parts.Add(table.Key);
            }

            sql.Append("CREATE TABLE IF NOT EXISTS ").Append(table.Name).Append('(').AppendJoin(", ", parts).Append(");\n");
            foreach (var (name, columns) in table.Indexes ?? [])
            {
                sql.Append("CREATE INDEX IF NOT EXISTS ").Append(name).Append(" ON ").Append(table.Name).Append('(').Append(columns).Append(");\n");
            }
        }

        return sql.ToString();
    }

    /// <summary>docs/trace-schema.md.</summary>
    public static string ToMarkdown()
    {
        var md = new StringBuilder();
        md.Append("""
            # The trace database

            <!-- Generated from src/NetSim.Traces/TraceTables.cs by `netsim schema --traces`; a test keeps it equal. -->

            Every run writes to a SQLite database (`results/<scenario>.db` unless `--out`). The tables below
            are the contract readers rely on. Columns may be added; none is ever renamed. Times are simulated
            seconds: a column whose unit is `s` and whose meaning says "simulated time" is a moment on the
            run's clock, one that says "duration" is a length of time. Sizes are bits, work FLOPs, energy
            joules. A value that never happened (no upload for a local task) is NULL. `netsim export` writes
            any table as CSV or Parquet with these types and units ([analysis.md](analysis.md)).

            Several processes may write one database at once (two sweeps, a run beside a sweep): each run's id
            is taken in the write transaction that records it or its sweep's plan, past every run and every
            planned run, so ids never collide. A database on read-only storage is read (`report`, `plot`,
            `merge` inputs) as immutable, unless its `-wal` file holds rows not yet in it. The environment
            variable `NETSIM_TRACE_MAX_PAGES` caps a database's size in SQLite pages of 4 KiB: a write past it
            fails as on a full disk (a run then ends with "disk full", marked `failed`, exit 1).

            Which trace level fills which table: `--trace summary` writes `runs`, `nodes`, `node_stats` and `summary`;
            `--trace tasks` adds `tasks`, `handovers` and `positions`; `--trace full` adds `queue_samples` and `downloads`. `netsim train`
            writes `episodes`, `netsim sweep` writes `sweep_plan`. `nodes` and `node_stats` were added after the first
            databases: an older database gains them when appended to, with no rows for its old runs.

            """);
        foreach (var table in All)
        {
            md.Append("\n## ").Append(table.Name).Append("\n\n");
            md.Append("Written ").Append(table.Filled).Append("; one row per ").Append(table.Rows).Append(".\n\n");
            md.Append("| column | type | unit | meaning |\n|---|---|---|---|\n");
            foreach (var c in table.Columns)
            {
                md.Append("| `").Append(c.Name).Append("` | ").Append(c.Type).Append(Constraint(c))
                    .Append(" | ").Append(c.Unit.Length > 0 ? c.Unit : "-").Append(" | ").Append(c.Meaning.Replace("|", "\\|", StringComparison.Ordinal)).Append(" |\n");
            }

            if (table.Key.Length > 0)
            {
                md.Append("\nTable constraint: `").Append(table.Key).Append("`.\n");
            }
        }

        return md.ToString();
    }

    private static string Constraint(TraceColumn column) =>
        column.Constraint.Contains("PRIMARY KEY", StringComparison.Ordinal) ? ", primary key"
        : column.Constraint.Contains(NotNull, StringComparison.Ordinal) ? ", not null"
        : string.Empty;
}
