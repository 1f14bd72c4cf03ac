namespace NetSim.Traces;

/// <summary>
/// The trace database's tables (declared in <see cref="TraceTables"/>): the contract every reader
/// relies on (see DESIGN.md). Columns may be added in later versions; none is ever renamed. Times
/// are simulated seconds, sizes bits, work FLOPs, energy joules; a NaN is stored as NULL.
/// </summary>
public static class TraceSchema
{
    /// <summary>Schema version this build writes and reads.</summary>
    public const int Version = 1;

    /// <summary>Columns of <c>tasks</c>, in insertion order.</summary>
    public static readonly string[] TaskColumns = [.. TraceTables.Find("tasks")!.Columns.Select(c => c.Name)];

    /// <summary>
    /// Columns added after version 1's first tables, as (table, column, type): a database written
    /// before a column existed gets it (NULL in its old rows) when it is opened to append to.
    /// </summary>
    public static readonly (string Table, string Column, string Type)[] AddedColumns =
        [Added("tasks", "ended"), Added("runs", "run_key"), Added("runs", "writer_pid"), Added("runs", "writer_host"), Added("runs", "writer_started"),
         Added("tasks", "grant_wait"), Added("tasks", "rejected_reason"), Added("tasks", "relay")];

    /// <summary>Statements that create every table and index (idempotent), from <see cref="TraceTables"/>.</summary>
    public static readonly string Create = TraceTables.CreateStatements();

    private static (string Table, string Column, string Type) Added(string table, string column) =>
        (table, column, TraceTables.Find(table)!.Column(column)!.Type);
}
