using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Parquet;
using Parquet.Schema;

namespace NetSim.Cli.Tests;

/// <summary>
/// <c>netsim export</c>: every value of a table read back from the exported files equals the
/// database's, compared with a reader that is not the exporter's (SQLite on one side; Parquet.Net's
/// reader or a plain RFC 4180 parser written here on the other).
/// </summary>
public sealed class ExportTests : IDisposable
{
    private readonly Netsim _netsim = new();

    public void Dispose() => _netsim.Dispose();

    [Fact]
    public async Task Given_a_full_trace_When_exported_as_parquet_Then_every_value_type_and_unit_reads_back_equal()
    {
        var db = RunQuickstart();
        var (exit, _, err) = _netsim.Run("export", db, "--format", "parquet", "--out", _netsim.File("pq"));
        Assert.True(exit == 0, err);

        foreach (var table in new[] { "tasks", "runs", "queue_samples", "summary" })
        {
            var expected = Table(db, table);
            var path = _netsim.File($"pq/{table}.parquet");
            var bytes = File.ReadAllBytes(path);
            Assert.Equal("PAR1", Encoding.ASCII.GetString(bytes, 0, 4));
            Assert.Equal("PAR1", Encoding.ASCII.GetString(bytes, bytes.Length - 4, 4));

            await using var stream = File.OpenRead(path);
            await using var reader = await ParquetReader.CreateAsync(stream);
            var fields = reader.Schema.GetDataFields();
            Assert.Equal(expected.Columns, fields.Select(f => f.Name));
            var columns = fields.Select(_ => new List<object?>()).ToArray();
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                for (var i = 0; i < fields.Length; i++)
                {
                    columns[i].AddRange(await Read(group, fields[i], (int)group.RowCount));
                }
            }

            Assert.Equal(expected.Rows.Count, columns[0].Count);
            Assert.True(expected.Rows.Count > 0, $"{table} is empty: the comparison would prove nothing");
            for (var r = 0; r < expected.Rows.Count; r++)
            {
                for (var c = 0; c < fields.Length; c++)
                {
                    Assert.Equal(expected.Rows[r][c], columns[c][r]);
                }
            }

            var units = JsonSerializer.Deserialize<Dictionary<string, string>>(reader.CustomMetadata["netsim.units"])!;
            Assert.Equal(table, reader.CustomMetadata["netsim.table"]);
            if (table == "tasks")
            {
                Assert.Equal("s", units["latency"]);
                Assert.Equal("bit", units["size_bits"]);
                Assert.Equal("J", units["energy_j"]);
                Assert.Equal(string.Empty, units["status"]);
                Assert.Equal(typeof(double), fields.Single(f => f.Name == "latency").ClrType);
                Assert.Equal(typeof(long), fields.Single(f => f.Name == "task_id").ClrType);
            }
        }
    }

    [Fact]
    public void Given_a_trace_When_exported_as_csv_Then_a_plain_rfc4180_parser_reads_back_every_value_including_multiline_text()
    {
        var db = RunQuickstart();
        var (exit, _, err) = _netsim.Run("export", db, "--format", "csv", "--out", _netsim.File("csv"), "--table", "runs", "--table", "tasks");
        Assert.True(exit == 0, err);
        Assert.False(File.Exists(_netsim.File("csv/summary.csv")), "--table must limit the export to the tables named");

        foreach (var table in new[] { "runs", "tasks" })
        {
            var expected = Table(db, table);
            var rows = ParseCsv(File.ReadAllText(_netsim.File($"csv/{table}.csv")));
            Assert.Equal(expected.Columns, rows[0]);
            Assert.Equal(expected.Rows.Count, rows.Count - 1);
            for (var r = 0; r < expected.Rows.Count; r++)
            {
                for (var c = 0; c < expected.Columns.Count; c++)
                {
                    Assert.Equal(expected.Rows[r][c], FromCsv(rows[r + 1][c], expected.Rows[r][c]));
                }
            }
        }

        // The resolved scenario is many lines with quotes and commas: it must survive quoting.
        Assert.Contains('\n', (string)Table(db, "runs").Rows[0][Table(db, "runs").Columns.IndexOf("scenario_yaml")]!);
        var columnList = ParseCsv(File.ReadAllText(_netsim.File("csv/columns.csv")));
        Assert.Contains(columnList, row => row is ["tasks", "latency", "REAL", "s", _]);
    }

    [Fact]
    public void Given_files_that_exist_When_exported_again_Then_refused_without_overwrite_and_unknown_tables_are_named()
    {
        var db = RunQuickstart();
        Assert.Equal(0, _netsim.Run("export", db, "--format", "csv", "--out", _netsim.File("e"), "--table", "summary").Exit);
        var before = File.ReadAllBytes(_netsim.File("e/summary.csv"));

        var again = _netsim.Run("export", db, "--format", "csv", "--out", _netsim.File("e"), "--table", "summary");
        Assert.Equal(2, again.Exit);
        Assert.Contains("--overwrite", again.Err, StringComparison.Ordinal);

        var unknown = _netsim.Run("export", db, "--format", "csv", "--out", _netsim.File("e2"), "--table", "nope");
        Assert.Equal(2, unknown.Exit);
        Assert.Contains("'nope'", unknown.Err, StringComparison.Ordinal);
        Assert.Contains("queue_samples", unknown.Err, StringComparison.Ordinal);

        var notDb = _netsim.Run("export", _netsim.File("e/summary.csv"), "--format", "csv", "--out", _netsim.File("e3"));
        Assert.Equal(2, notDb.Exit);
        Assert.DoesNotContain("   at ", notDb.Err, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(_netsim.File("e/summary.csv")));

        Assert.Equal(0, _netsim.Run("export", db, "--format", "csv", "--out", _netsim.File("e"), "--table", "summary", "--overwrite").Exit);
        Assert.Empty(Directory.GetFiles(_netsim.File("e"), "*.partial"));
    }

    private string RunQuickstart()
    {
        var db = _netsim.File("q.db");
        var (exit, _, err) = _netsim.Run("run", _netsim.Scenario("quickstart.yaml"), "--trace", "full", "--set", "duration=5s", "--out", db);
        Assert.True(exit == 0, err);
        return db;
    }

    private static (List<string> Columns, List<object?[]> Rows) Table(string db, string table)
    {
        using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {table} ORDER BY rowid";
        using var reader = command.ExecuteReader();
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : reader.GetValue(i))]);
        }

        return (columns, rows);
    }

    private static async Task<IEnumerable<object?>> Read(ParquetRowGroupReader group, DataField field, int rows)
    {
        if (field.ClrType == typeof(long))
        {
            var values = new long?[rows];
            await group.ReadAsync<long>(field, values);
            return values.Select(v => (object?)v);
        }

        if (field.ClrType == typeof(double))
        {
            var values = new double?[rows];
            await group.ReadAsync<double>(field, values);
            return values.Select(v => (object?)v);
        }

        var texts = new string?[rows];
        await group.ReadAsync(field, texts.AsMemory());
        return texts;
    }

    /// <summary>The CSV text of a field typed like the database's value (null for an empty field).</summary>
    private static object? FromCsv(string field, object? like) => field.Length == 0 && like is not string ? null : like switch
    {
        long => long.Parse(field, CultureInfo.InvariantCulture),
        double => double.Parse(field, CultureInfo.InvariantCulture),
        _ => field,
    };

    /// <summary>RFC 4180: fields split by commas, records by line feeds, quoted fields may hold both and doubled quotes.</summary>
    private static List<string[]> ParseCsv(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (ch == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                records.Add([.. fields]);
                fields.Clear();
            }
            else
            {
                field.Append(ch);
            }
        }

        return records;
    }
}
