using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Parquet;
using Parquet.Schema;

namespace NetSim.Traces.Export;

/// <summary>File formats of <c>netsim export</c>.</summary>
public enum ExportFormat
{
    /// <summary>One RFC 4180 CSV file per table, with a header row, and <c>columns.csv</c> giving every column's type, unit and meaning.</summary>
    Csv,

    /// <summary>
    /// One Parquet file per table: typed, nullable columns (INTEGER as int64, REAL as double, TEXT as
    /// UTF-8 strings); every column's unit and meaning in the file's key-value metadata
    /// (<c>netsim.units</c>, <c>netsim.meanings</c>, JSON objects by column), and a numeric column's
    /// also in its column chunks' metadata.
    /// </summary>
    Parquet,
}

/// <summary>A file <see cref="TraceExport"/> wrote.</summary>
/// <param name="Table">The table, or <c>columns</c> for the CSV column list.</param>
/// <param name="Path">The file.</param>
/// <param name="Rows">Rows written.</param>
public sealed record ExportedFile(string Table, string Path, long Rows);

/// <summary>
/// Writes tables of a trace database to CSV or Parquet, with the types and units declared in
/// <see cref="TraceTables"/>. Rows are streamed (Parquet in row groups of <see cref="RowGroupRows"/>),
/// so memory does not grow with the table. Each file is written under a temporary name and renamed
/// when complete, so an interrupted export leaves no partial file.
/// </summary>
public static class TraceExport
{
    /// <summary>Rows per Parquet row group.</summary>
    public const int RowGroupRows = 65_536;

    /// <summary>Key of a Parquet column's (and file's) unit metadata.</summary>
    public const string UnitKey = "unit";

    /// <summary>The file <paramref name="table"/> is written to in <paramref name="folder"/>.</summary>
    public static string FileFor(string folder, string table, ExportFormat format) =>
        Path.Combine(folder, table + (format == ExportFormat.Csv ? ".csv" : ".parquet"));

    /// <summary>
    /// Writes <paramref name="tables"/> (every table of the schema when empty) of the trace database
    /// <paramref name="database"/> into <paramref name="folder"/>, reporting each file to <paramref name="written"/>.
    /// </summary>
    /// <exception cref="TraceException">The database cannot be read, a table is unknown, or a file exists and <paramref name="overwrite"/> is false.</exception>
    public static IReadOnlyList<ExportedFile> Write(string database, ExportFormat format, string folder, IReadOnlyList<string> tables, bool overwrite, CancellationToken cancel, Action<ExportedFile>? written = null)
    {
        using var reader = new TraceReader(database);
        var unknown = tables.Where(t => TraceTables.Find(t) is null).ToList();
        if (unknown.Count > 0)
        {
            throw new TraceException($"no table {string.Join(", ", unknown.Select(t => $"'{t}'"))} in a trace database; the tables are {string.Join(", ", TraceTables.All.Select(t => t.Name))}");
        }

        var chosen = (tables.Count == 0 ? TraceTables.All : tables.Distinct().Select(t => TraceTables.Find(t)!)).ToList();
        var targets = chosen.Select(t => FileFor(folder, t.Name, format)).ToList();
        if (format == ExportFormat.Csv)
        {
            targets.Add(Path.Combine(folder, "columns.csv"));
        }

        var existing = targets.Where(File.Exists).ToList();
        if (existing.Count > 0 && !overwrite)
        {
            throw new TraceException($"{string.Join(", ", existing)} already exist{(existing.Count == 1 ? "s" : string.Empty)}; pass --overwrite to replace {(existing.Count == 1 ? "it" : "them")}");
        }

        Directory.CreateDirectory(folder);
        var files = new List<ExportedFile>();
        foreach (var table in chosen)
        {
            var columns = reader.ColumnsOf(table.Name).Select(name => table.Column(name) ?? new TraceColumn(name, "TEXT", string.Empty, string.Empty)).ToList();
            var path = FileFor(folder, table.Name, format);
            var rows = Atomically(path, stream => format == ExportFormat.Csv
                ? WriteCsv(reader, table, columns, stream, cancel)
                : WriteParquet(reader, table, columns, stream, cancel));
            var file = new ExportedFile(table.Name, path, rows);
            files.Add(file);
            written?.Invoke(file);
        }

        if (format == ExportFormat.Csv)
        {
            var path = Path.Combine(folder, "columns.csv");
            var rows = Atomically(path, stream => WriteColumnList(chosen, reader, stream));
            var file = new ExportedFile("columns", path, rows);
            files.Add(file);
            written?.Invoke(file);
        }

        return files;
    }

    /// <summary>Quotes a CSV field when it holds a comma, a quote or a line break (RFC 4180).</summary>
    public static string CsvField(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static long Atomically(string path, Func<Stream, long> write)
    {
        var temporary = $"{path}.{Environment.ProcessId}.partial";
        try
        {
            long rows;
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                rows = write(stream);
            }

            File.Move(temporary, path, overwrite: true);
            return rows;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static long WriteCsv(TraceReader reader, TraceTable table, IReadOnlyList<TraceColumn> columns, Stream stream, CancellationToken cancel)
    {
        using var text = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16);
        text.NewLine = "\n";
        text.WriteLine(string.Join(",", columns.Select(c => CsvField(c.Name))));
        long rows = 0;
        var line = new StringBuilder();
        foreach (var r in reader.Rows(table.Name, columns.Select(c => c.Name).ToList()))
        {
            line.Clear();
            for (var i = 0; i < columns.Count; i++)
            {
                if (i > 0)
                {
                    line.Append(',');
                }

                if (!r.IsDBNull(i))
                {
                    line.Append(columns[i].Type switch
                    {
                        "INTEGER" => r.GetInt64(i).ToString(CultureInfo.InvariantCulture),
                        "REAL" => r.GetDouble(i).ToString("R", CultureInfo.InvariantCulture),
                        _ => CsvField(r.GetString(i)),
                    });
                }
            }

            text.WriteLine(line);
            if (++rows % 4096 == 0)
            {
                cancel.ThrowIfCancellationRequested();
            }
        }

        return rows;
    }

    private static long WriteColumnList(IReadOnlyList<TraceTable> tables, TraceReader reader, Stream stream)
    {
        using var text = new StreamWriter(stream, new UTF8Encoding(false));
        text.NewLine = "\n";
        text.WriteLine("table,column,type,unit,meaning");
        long rows = 0;
        foreach (var table in tables)
        {
            foreach (var name in reader.ColumnsOf(table.Name))
            {
                var c = table.Column(name);
                text.WriteLine(string.Join(",", new[] { table.Name, name, c?.Type ?? "TEXT", c?.Unit ?? string.Empty, c?.Meaning ?? string.Empty }.Select(CsvField)));
                rows++;
            }
        }

        return rows;
    }

    private static long WriteParquet(TraceReader reader, TraceTable table, IReadOnlyList<TraceColumn> columns, Stream stream, CancellationToken cancel) =>
        WriteParquetAsync(reader, table, columns, stream, cancel).GetAwaiter().GetResult();

    private static async Task<long> WriteParquetAsync(TraceReader reader, TraceTable table, IReadOnlyList<TraceColumn> columns, Stream stream, CancellationToken cancel)
    {
        var fields = columns.Select(c => new DataField(c.Name, c.Type switch
        {
            "INTEGER" => typeof(long?),
            "REAL" => typeof(double?),
            _ => typeof(string),
        }, isNullable: true)).ToArray();
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream, cancellationToken: cancel);
        writer.CustomMetadata = new Dictionary<string, string>
        {
            ["netsim.table"] = table.Name,
            ["netsim.schema_version"] = TraceSchema.Version.ToString(CultureInfo.InvariantCulture),
            ["netsim.units"] = JsonSerializer.Serialize(columns.ToDictionary(c => c.Name, c => c.Unit)),
            ["netsim.meanings"] = JsonSerializer.Serialize(columns.ToDictionary(c => c.Name, c => c.Meaning)),
        };
        var buffers = columns.Select(c => new ColumnBuffer(c.Type)).ToArray();
        long rows = 0;
        var inGroup = 0;
        foreach (var r in reader.Rows(table.Name, columns.Select(c => c.Name).ToList()))
        {
            for (var i = 0; i < buffers.Length; i++)
            {
                buffers[i].Add(r, i);
            }

            rows++;
            if (++inGroup == RowGroupRows)
            {
                await WriteGroupAsync(writer, fields, columns, buffers, cancel);
                inGroup = 0;
            }
        }

        if (inGroup > 0 || rows == 0)
        {
            await WriteGroupAsync(writer, fields, columns, buffers, cancel);
        }

        return rows;
    }

    private static async Task WriteGroupAsync(ParquetWriter writer, DataField[] fields, IReadOnlyList<TraceColumn> columns, ColumnBuffer[] buffers, CancellationToken cancel)
    {
        cancel.ThrowIfCancellationRequested();
        using var group = writer.CreateRowGroup();
        for (var i = 0; i < fields.Length; i++)
        {
            var metadata = new Dictionary<string, string> { [UnitKey] = columns[i].Unit, ["meaning"] = columns[i].Meaning };
            await buffers[i].WriteAsync(group, fields[i], metadata, cancel);
        }
    }

    /// <summary>One column's values for the row group being filled.</summary>
    private sealed class ColumnBuffer(string type)
    {
        private readonly List<long?> _integers = [];
        private readonly List<double?> _reals = [];
        private readonly List<string?> _texts = [];

        public void Add(SqliteDataReader r, int i)
        {
            var isNull = r.IsDBNull(i);
            switch (type)
            {
                case "INTEGER":
                    _integers.Add(isNull ? null : r.GetInt64(i));
                    break;
                case "REAL":
                    _reals.Add(isNull ? null : r.GetDouble(i));
                    break;
                default:
                    _texts.Add(isNull ? null : r.GetString(i));
                    break;
            }
        }

        public async Task WriteAsync(ParquetRowGroupWriter group, DataField field, Dictionary<string, string> metadata, CancellationToken cancel)
        {
            switch (type)
            {
                case "INTEGER":
                    await group.WriteAsync<long>(field, _integers.ToArray(), null, metadata, cancel);
                    _integers.Clear();
                    break;
                case "REAL":
                    await group.WriteAsync<double>(field, _reals.ToArray(), null, metadata, cancel);
                    _reals.Clear();
                    break;
                default:
                    await group.WriteAsync(field, _texts.ToArray(), null);
                    _texts.Clear();
                    break;
            }
        }
    }
}
