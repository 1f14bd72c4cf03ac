using Microsoft.Data.Sqlite;

namespace NetSim.Traces;

/// <summary>
/// Joins trace databases (for example the shards of a sweep) into one. Runs are renumbered in input
/// order, then by their run id within each input, and every table's rows follow their run.
/// </summary>
public static class TraceMerge
{
    private static readonly string[] Tables = ["tasks", "queue_samples", "downloads", "episodes", "summary"];

    /// <summary>Merges <paramref name="inputs"/> into <paramref name="output"/>, which must not exist yet.</summary>
    public static int Merge(string output, IReadOnlyList<string> inputs, OpenMode mode = OpenMode.Refuse)
    {
        foreach (var input in inputs)
        {
            var full = Path.GetFullPath(input);
            if (!File.Exists(full))
            {
                throw new TraceException($"{input}: no such trace database");
            }

            TraceDatabase.CheckExisting(input, full);
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
                attach.Parameters.AddWithValue("$path", Path.GetFullPath(inputs[i]));
                attach.ExecuteNonQuery();
            }

            var copies = Tables.Prepend("runs").Select(table =>
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
                    Exec(connection, transaction, $"INSERT INTO main.{table}({columns}) SELECT {select} FROM {alias}.{table} ORDER BY rowid");
                }

                merged += (int)Scalar(connection, transaction, $"SELECT COUNT(*) FROM {alias}.runs");
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
