using Microsoft.Data.Sqlite;

namespace NetSim.Traces;

/// <summary>
/// Joins trace databases (for example the shards of a sweep) into one. Runs are renumbered in input
/// order, then by their run id within each input, and every table's rows follow their run. A merge
/// is refused (<see cref="Check"/>) when a shard of a sweep is missing or given twice, when a run
/// is not complete (a run a shard's plan owns that is interrupted, failed, running or never
/// started, or any other run that is not complete), or when two complete runs share an identity
/// key; with <c>allowIncomplete</c> only duplicates are refused, and only complete runs are merged.
/// </summary>
public static class TraceMerge
{
    private static readonly string[] Tables = ["tasks", "nodes", "node_stats", "queue_samples", "downloads", "handovers", "positions", "episodes", "summary"];

    /// <summary>What merging <paramref name="inputs"/> would leave out or pool (each line names the file and the run or shard).</summary>
    public static MergeCheck Check(IReadOnlyList<string> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var incomplete = new List<string>();
        var duplicates = new List<string>();
        var plans = new List<(string Input, PlanEntry Entry)>();
        var completeKeys = new Dictionary<string, (string Input, long RunId)>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            using var connection = TraceDatabase.ConnectForReading(input, Path.GetFullPath(input));
            var plan = TraceDatabase.ReadPlan(connection, "main");
            plans.AddRange(plan.Select(e => (input, e)));
            var runs = new List<(long RunId, string Status, string Key, string Label)>();
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT run_id, status, scenario_sha256, params, policy, replication, seed FROM runs ORDER BY run_id";
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    var key = RunKey.Of(reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetInt32(5), unchecked((ulong)reader.GetInt64(6)));
                    runs.Add((reader.GetInt64(0), reader.GetString(1), key, $"{reader.GetString(4)}, {reader.GetString(3)}, replication {reader.GetInt32(5)}"));
                }
            }

            var planned = plan.Select(e => e.RunKey).ToHashSet(StringComparer.Ordinal);
            foreach (var entry in plan)
            {
                var mine = runs.Where(r => r.Key == entry.RunKey).ToList();
                if (!mine.Any(r => r.Status == "complete"))
                {
                    var state = mine.Count == 0 ? "never started" : mine[^1].Status;
                    incomplete.Add($"{input}: run {entry.PlanIndex} of shard {entry.Shard}/{entry.Shards} ({entry.Label}) is {state}");
                }
            }

            foreach (var run in runs.Where(r => r.Status != "complete" && !planned.Contains(r.Key)))
            {
                incomplete.Add($"{input}: run id {run.RunId} ({run.Label}) is {run.Status}");
            }

            foreach (var run in runs.Where(r => r.Status == "complete"))
            {
                if (completeKeys.TryGetValue(run.Key, out var first))
                {
                    duplicates.Add($"{input}: run id {run.RunId} ({run.Label}) is the same experiment as run id {first.RunId} of {first.Input} (run key {run.Key}); both are complete, so their statistics would count twice");
                }
                else
                {
                    completeKeys[run.Key] = (input, run.RunId);
                }
            }
        }

        foreach (var sweep in plans.GroupBy(p => p.Entry.Sweep))
        {
            var shards = sweep.Select(p => p.Entry.Shards).Distinct().ToList();
            var scenario = sweep.First().Entry.Scenario;
            var given = sweep.GroupBy(p => p.Entry.Shard).ToDictionary(g => g.Key, g => g.Select(p => p.Input).Distinct().ToList());
            foreach (var (shard, files) in given.Where(g => g.Value.Count > 1))
            {
                duplicates.Add($"shard {shard}/{shards[0]} of the sweep of {scenario} is given twice ({string.Join(", ", files)})");
            }

            var missing = Enumerable.Range(0, shards.Max()).Where(i => !given.ContainsKey(i)).ToList();
            if (missing.Count > 0)
            {
                var holders = string.Join(", ", given.OrderBy(g => g.Key).Select(g => $"{string.Join(", ", g.Value)} holds {g.Key}/{shards[0]}"));
                var foreign = plans.Select(p => p.Entry.Sweep).Distinct().Count() > 1 ? " (or a shard of another sweep was given in its place)" : string.Empty;
                incomplete.Add($"the sweep of {scenario} (sweep {sweep.Key[..8]}): shard{(missing.Count == 1 ? string.Empty : "s")} {string.Join(", ", missing)} of {shards.Max()} missing{foreign}; {holders}");
            }
        }

        return new MergeCheck(incomplete, duplicates);
    }

    /// <summary>
    /// Merges <paramref name="inputs"/> into <paramref name="output"/>, which must not exist yet
    /// (unless <paramref name="mode"/> says otherwise), after <see cref="Check"/>: refused with every
    /// problem named, unless <paramref name="allowIncomplete"/>, which merges only complete runs
    /// (duplicates are refused whatever). Returns the runs merged.
    /// </summary>
    public static int Merge(string output, IReadOnlyList<string> inputs, OpenMode mode = OpenMode.Refuse, bool allowIncomplete = false)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        foreach (var input in inputs)
        {
            var full = Path.GetFullPath(input);
            if (!File.Exists(full))
            {
                throw new TraceException($"{input}: no such trace database");
            }

            TraceDatabase.CheckExisting(input, full);
        }

        var check = Check(inputs);
        var problems = allowIncomplete ? check.Duplicates : [.. check.Duplicates, .. check.Incomplete];
        if (problems.Count > 0)
        {
            var hint = allowIncomplete || check.Incomplete.Count == 0 ? string.Empty : "\n(--allow-incomplete merges the complete runs and lists what is missing; netsim sweep --resume completes a shard)";
            throw new TraceException($"refusing to merge: {problems.Count} problem{(problems.Count == 1 ? string.Empty : "s")}:\n  {string.Join("\n  ", problems)}{hint}");
        }

        using var database = TraceDatabase.Open(output, mode);
        var connection = database.Connection;
        var merged = 0;
        for (var i = 0; i < inputs.Count; i++)
        {
            var alias = $"in{i}";
            using (var attach = connection.CreateCommand())
            {
                attach.CommandText = $"ATTACH DATABASE $path AS {alias}";
                attach.Parameters.AddWithValue("$path", TraceDatabase.ReadingSource(inputs[i], Path.GetFullPath(inputs[i])));
                attach.ExecuteNonQuery();
            }

            var copies = Tables.Prepend("runs").Append("sweep_plan").Where(table => TraceDatabase.ColumnNames(connection, table, alias).Count > 0).Select(table =>
            {
                var present = TraceDatabase.ColumnNames(connection, table, alias);
                var names = TraceDatabase.ColumnNames(connection, table).Where(present.Contains).ToList();
                return (table, names);
            }).ToList();
            using (var transaction = connection.BeginTransaction())
            {
                var offset = Scalar(connection, transaction, "SELECT COALESCE(MAX(run_id), 0) FROM main.runs");
                var first = Scalar(connection, transaction, $"SELECT COALESCE(MIN(run_id), 1) FROM {alias}.runs");
                var shift = offset - first + 1;
                foreach (var (table, names) in copies)
                {
                    var columns = string.Join(", ", names.Select(n => $"\"{n}\""));
                    var select = string.Join(", ", names.Select(n => n == "run_id" ? $"run_id + {shift}" : $"\"{n}\""));
                    var complete = $"run_id IN (SELECT run_id FROM {alias}.runs WHERE status = 'complete')";
                    Exec(connection, transaction, $"INSERT INTO main.{table}({columns}) SELECT {select} FROM {alias}.{table} WHERE {complete} ORDER BY rowid");
                }

                merged += (int)Scalar(connection, transaction, $"SELECT COUNT(*) FROM {alias}.runs WHERE status = 'complete'");
                transaction.Commit();
            }

            Exec(connection, null, $"DETACH DATABASE {alias}");
        }

        return merged;
    }

    private static long Scalar(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Exec(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
