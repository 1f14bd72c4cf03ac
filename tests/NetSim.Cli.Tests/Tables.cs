using Microsoft.Data.Sqlite;

namespace NetSim.Cli.Tests;

/// <summary>Every row of a trace database's tables as text, without the wall-clock columns, for row-for-row comparisons.</summary>
internal static class Tables
{
    private static readonly string[] Queries =
    [
        "SELECT run_id, scenario, scenario_sha256, scenario_yaml, policy, seed, replication, params, status, sim_time, events, netsim_version, message, trace_level FROM runs ORDER BY run_id",
        "SELECT * FROM tasks ORDER BY run_id, task_id",
        "SELECT * FROM summary ORDER BY run_id, metric",
        "SELECT * FROM nodes ORDER BY run_id, rowid",
        "SELECT * FROM node_stats ORDER BY run_id, rowid",
        "SELECT * FROM queue_samples ORDER BY run_id, rowid",
        "SELECT * FROM downloads ORDER BY run_id, rowid",
        "SELECT * FROM episodes ORDER BY run_id, episode",
    ];

    public static List<string> Rows(string path)
    {
        var rows = new List<string>();
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        foreach (var query in Queries)
        {
            using var command = connection.CreateCommand();
            command.CommandText = query;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var values = new object[reader.FieldCount];
                reader.GetValues(values);
                rows.Add(string.Join('|', values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture))));
            }
        }

        return rows;
    }
}
