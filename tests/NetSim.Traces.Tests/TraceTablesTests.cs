using Microsoft.Data.Sqlite;

namespace NetSim.Traces.Tests;

public sealed class TraceTablesTests
{
    private const string UpdateVariable = "NETSIM_UPDATE_REFERENCE";

    [Fact]
    public void Given_the_committed_trace_schema_doc_When_compared_Then_it_matches_the_declared_tables()
    {
        var file = Path.Combine(RepoRoot(), "docs", "trace-schema.md");
        var generated = TraceTables.ToMarkdown();
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(file, generated);
        }

        var committed = File.ReadAllText(file).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.True(generated == committed, $"docs/trace-schema.md is out of date: run the tests with {UpdateVariable}=1 (or netsim schema --traces) and commit it");
    }

    [Fact]
    public void Given_a_new_database_When_its_tables_are_read_back_Then_every_column_has_the_declared_type_and_a_meaning()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "t.db");
        using (TraceDatabase.Open(path, OpenMode.Refuse))
        {
        }

        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        foreach (var table in TraceTables.All)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT name, type FROM pragma_table_info('{table.Name}') ORDER BY cid";
            using var reader = command.ExecuteReader();
            var actual = new List<(string, string)>();
            while (reader.Read())
            {
                actual.Add((reader.GetString(0), reader.GetString(1)));
            }

            Assert.Equal(table.Columns.Select(c => (c.Name, c.Type)), actual);
            Assert.All(table.Columns, c => Assert.False(string.IsNullOrWhiteSpace(c.Meaning), $"{table.Name}.{c.Name} has no meaning"));
            Assert.All(table.Columns.Where(c => c.Unit.Length > 0), c => Assert.Equal("REAL", c.Type));
        }
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NetSim.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("NetSim.sln not found above the test folder");
    }
}
