using NetSim.Network.Recording;

namespace NetSim.Traces.Tests;

public class TraceDatabaseTests
{
    private static void OneRun(string path, OpenMode mode = OpenMode.Append, string policy = "nearest")
    {
        using var db = TraceDatabase.Open(path, mode);
        using var run = db.CreateRun(Rows.Info(policy), TraceLevel.Tasks);
        run.OnTask(Rows.Task(0));
        run.Complete(1, 1, 1, new Dictionary<string, double>());
    }

    [Fact]
    public void Given_an_existing_database_Then_new_runs_are_appended_with_new_ids()
    {
        using var dir = new TempDirectory();
        OneRun(dir.File("t.db"));
        OneRun(dir.File("t.db"));

        using var reader = new TraceReader(dir.File("t.db"));
        Assert.Equal([1L, 2L], reader.Runs().Select(r => r.RunId));
    }

    [Fact]
    public void Given_a_database_written_before_tasks_had_an_ended_column_Then_appending_adds_it_and_merging_and_reading_still_work()
    {
        using var dir = new TempDirectory();
        OneRun(dir.File("old.db"));
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={dir.File("old.db")};Pooling=False"))
        {
            connection.Open();
            using var drop = connection.CreateCommand();
            drop.CommandText = "ALTER TABLE tasks DROP COLUMN ended";
            drop.ExecuteNonQuery();
        }

        TraceMerge.Merge(dir.File("merged.db"), [dir.File("old.db")]);
        OneRun(dir.File("old.db"));

        using var merged = new TraceReader(dir.File("merged.db"));
        Assert.True(double.IsNaN(Assert.Single(merged.Tasks(1)).Ended));
        using var appended = new TraceReader(dir.File("old.db"));
        Assert.True(double.IsNaN(Assert.Single(appended.Tasks(1)).Ended));
        Assert.Equal(0.25, Assert.Single(appended.Tasks(2)).Ended, 12);
    }

    [Fact]
    public void Given_a_database_written_before_grant_wait_and_rejected_reason_Then_appending_adds_them_and_a_new_row_keeps_its_values()
    {
        using var dir = new TempDirectory();
        OneRun(dir.File("old.db"));
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={dir.File("old.db")};Pooling=False"))
        {
            connection.Open();
            using var drop = connection.CreateCommand();
            drop.CommandText = "ALTER TABLE tasks DROP COLUMN grant_wait; ALTER TABLE tasks DROP COLUMN rejected_reason";
            drop.ExecuteNonQuery();
        }

        using (var db = TraceDatabase.Open(dir.File("old.db"), OpenMode.Append))
        {
            using var run = db.CreateRun(Rows.Info("nearest"), TraceLevel.Tasks);
            run.OnTask(Rows.Task(0) with { GrantWait = 0.125, Rejected = RejectReason.Deadline });
            run.Complete(1, 1, 1, new Dictionary<string, double>());
        }

        using var appended = new TraceReader(dir.File("old.db"));
        var old = Assert.Single(appended.Tasks(1));
        Assert.True(double.IsNaN(old.GrantWait));
        Assert.Equal(RejectReason.None, old.Rejected);
        var fresh = Assert.Single(appended.Tasks(2));
        Assert.Equal(0.125, fresh.GrantWait);
        Assert.Equal(RejectReason.Deadline, fresh.Rejected);
    }

    [Fact]
    public void Given_a_refused_task_When_written_Then_its_rejected_reason_column_holds_the_reason_name()
    {
        using var dir = new TempDirectory();
        using (var db = TraceDatabase.Open(dir.File("t.db"), OpenMode.Append))
        {
            using var run = db.CreateRun(Rows.Info("nearest"), TraceLevel.Tasks);
            run.OnTask(Rows.Task(0) with { Rejected = RejectReason.Capacity });
            run.OnTask(Rows.Task(1) with { Rejected = RejectReason.Range });
            run.OnTask(Rows.Task(2));
            run.Complete(1, 1, 1, new Dictionary<string, double>());
        }

        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={dir.File("t.db")};Pooling=False");
        connection.Open();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT coalesce(rejected_reason, 'NULL') FROM tasks ORDER BY task_id";
        using var rows = select.ExecuteReader();
        var names = new List<string>();
        while (rows.Read())
        {
            names.Add(rows.GetString(0));
        }

        Assert.Equal(["capacity", "range", "NULL"], names);
    }

    [Fact]
    public void Given_overwrite_of_a_text_file_or_another_programs_database_Then_it_is_refused_and_the_file_left_byte_identical()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("notes.db"), "my notes, not a database\n");
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={dir.File("app.db")};Pooling=False"))
        {
            connection.Open();
            using var create = connection.CreateCommand();
            create.CommandText = "CREATE TABLE meta(key TEXT, value TEXT); INSERT INTO meta VALUES ('schema_version', 'two'); CREATE TABLE accounts(id INTEGER);";
            create.ExecuteNonQuery();
        }

        var notes = File.ReadAllBytes(dir.File("notes.db"));
        var app = File.ReadAllBytes(dir.File("app.db"));

        var textError = Assert.Throws<TraceException>(() => TraceDatabase.Open(dir.File("notes.db"), OpenMode.Overwrite));
        var appError = Assert.Throws<TraceException>(() => TraceDatabase.Open(dir.File("app.db"), OpenMode.Overwrite));
        var appendError = Assert.Throws<TraceException>(() => TraceDatabase.Open(dir.File("app.db"), OpenMode.Append));

        Assert.Contains("notes.db is not a NetSim trace database", textError.Message, StringComparison.Ordinal);
        Assert.Contains("app.db is a SQLite database but not a NetSim trace database", appError.Message, StringComparison.Ordinal);
        Assert.Contains("app.db is a SQLite database but not a NetSim trace database", appendError.Message, StringComparison.Ordinal);
        Assert.Equal(notes, File.ReadAllBytes(dir.File("notes.db")));
        Assert.Equal(app, File.ReadAllBytes(dir.File("app.db")));
    }

    [Fact]
    public void Given_an_empty_file_or_a_sqlite_stub_without_tables_When_overwritten_or_appended_to_Then_it_becomes_a_trace_database()
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("empty.db"), []);
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={dir.File("stub.db")};Pooling=False"))
        {
            connection.Open();
            using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA user_version = 1";
            pragma.ExecuteNonQuery();
        }

        File.Copy(dir.File("stub.db"), dir.File("stub-append.db"));

        OneRun(dir.File("empty.db"), OpenMode.Overwrite);
        OneRun(dir.File("stub.db"), OpenMode.Overwrite);
        OneRun(dir.File("stub-append.db"), OpenMode.Append);

        using var empty = new TraceReader(dir.File("empty.db"));
        using var stub = new TraceReader(dir.File("stub.db"));
        using var appended = new TraceReader(dir.File("stub-append.db"));
        Assert.Single(empty.Runs());
        Assert.Single(stub.Runs());
        Assert.Single(appended.Runs());
    }

    [Fact]
    public void Given_refuse_Then_an_existing_file_is_refused_naming_it_and_the_way_out()
    {
        using var dir = new TempDirectory();
        OneRun(dir.File("t.db"));

        var error = Assert.Throws<TraceException>(() => TraceDatabase.Open(dir.File("t.db"), OpenMode.Refuse));

        Assert.Contains("t.db exists; pass --overwrite", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_overwrite_Then_the_old_runs_are_gone()
    {
        using var dir = new TempDirectory();
        OneRun(dir.File("t.db"));
        OneRun(dir.File("t.db"), OpenMode.Overwrite, "local");

        using var reader = new TraceReader(dir.File("t.db"));
        Assert.Equal("local", Assert.Single(reader.Runs()).Policy);
    }

    [Fact]
    public void Given_a_foreign_file_Then_it_is_refused_with_a_message_naming_it()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("x.db"), "not a database at all, just text that is long enough to be read as a header");

        var error = Assert.Throws<TraceException>(() => TraceDatabase.Open(dir.File("x.db")));

        Assert.Contains("x.db is not a NetSim trace database", error.Message, StringComparison.Ordinal);
        Assert.Contains("not a database", File.ReadAllText(dir.File("x.db")), StringComparison.Ordinal);
    }

    [Fact]
    public void Given_two_shards_When_merged_Then_rows_equal_one_database_written_directly()
    {
        using var dir = new TempDirectory();
        OneRun(dir.File("a.db"), policy: "p1");
        OneRun(dir.File("a.db"), policy: "p2");
        OneRun(dir.File("b.db"), policy: "p3");
        OneRun(dir.File("direct.db"), policy: "p1");
        OneRun(dir.File("direct.db"), policy: "p2");
        OneRun(dir.File("direct.db"), policy: "p3");

        Assert.Equal(3, TraceMerge.Merge(dir.File("merged.db"), [dir.File("a.db"), dir.File("b.db")]));

        using var merged = new TraceReader(dir.File("merged.db"));
        using var direct = new TraceReader(dir.File("direct.db"));
        Assert.Equal(direct.Runs().Select(r => (r.RunId, r.Policy)), merged.Runs().Select(r => (r.RunId, r.Policy)));
        foreach (var run in direct.Runs())
        {
            Assert.Equal(direct.Tasks(run.RunId).ToList(), merged.Tasks(run.RunId).ToList());
        }
    }

    [Fact]
    public void Given_runs_with_places_and_node_statistics_When_merged_Then_both_tables_are_copied_under_the_new_run_ids()
    {
        using var dir = new TempDirectory();
        void Write(string path, string policy, double utilisation)
        {
            using var db = TraceDatabase.Open(path);
            using var run = db.CreateRun(Rows.Info(policy), TraceLevel.Summary);
            run.WritePlaces([new NodePlace("ue:0", "ue", 1, 2), new NodePlace("edge:0", "station", 0, 0)]);
            var meter = new NetSim.Kernel.Statistics.QueueMeter(1, 0, 10);
            meter.Arrived(0);
            meter.Started(0, 0);
            meter.Departed(10 * utilisation, 0);
            run.WriteNodeStatistics([new NodeStatistics("edge:0", "server", meter.Read(10))]);
            run.Complete(10, 1, 1, new Dictionary<string, double>());
        }

        Write(dir.File("a.db"), "p1", 0.25);
        Write(dir.File("b.db"), "p2", 0.5);

        Assert.Equal(2, TraceMerge.Merge(dir.File("merged.db"), [dir.File("a.db"), dir.File("b.db")]));

        using var merged = new TraceReader(dir.File("merged.db"));
        var runs = merged.Runs();
        Assert.Equal(["p1", "p2"], runs.Select(r => r.Policy));
        Assert.All(runs, r => Assert.Equal(["ue:0", "edge:0"], merged.Places(r.RunId).Select(p => p.Node)));
        // One job in service for a quarter (half) of the 10 s interval: utilisation 0.25 (0.5), exactly.
        Assert.Equal([0.25, 0.5], runs.Select(r => merged.NodeStatistics(r.RunId).Single().Values["utilisation"]));
    }

    [Fact]
    public void Given_runs_with_handovers_and_positions_When_merged_and_one_deleted_Then_both_tables_follow_their_runs()
    {
        using var dir = new TempDirectory();
        void Write(string path, string policy, int ue)
        {
            using var db = TraceDatabase.Open(path);
            using var run = db.CreateRun(Rows.Info(policy), TraceLevel.Tasks);
            run.OnPosition(new PositionRecord(0, ue, 1, 2, 0));
            run.OnHandover(new HandoverRecord(0.5, ue, 0, 1, "nearest", 0));
            run.OnPosition(new PositionRecord(0.5, ue, 3, 2, 1));
            run.Complete(1, 1, 1, new Dictionary<string, double>());
        }

        Write(dir.File("a.db"), "p1", 4);
        Write(dir.File("b.db"), "p2", 7);

        Assert.Equal(2, TraceMerge.Merge(dir.File("merged.db"), [dir.File("a.db"), dir.File("b.db")]));

        using (var merged = new TraceReader(dir.File("merged.db")))
        {
            Assert.Equal([4, 7], merged.Runs().Select(r => merged.Handovers(r.RunId).Single().Ue));
            Assert.Equal([[new PositionRecord(0, 4, 1, 2, 0), new PositionRecord(0.5, 4, 3, 2, 1)], [new PositionRecord(0, 7, 1, 2, 0), new PositionRecord(0.5, 7, 3, 2, 1)]], merged.Runs().Select(r => merged.Positions(r.RunId).ToList()));
        }

        using (var db = TraceDatabase.Open(dir.File("merged.db"), OpenMode.Append))
        {
            db.DeleteRun(1);
        }

        using var after = new TraceReader(dir.File("merged.db"));
        Assert.Empty(after.Positions(1));
        Assert.Empty(after.Handovers(1));
        Assert.Equal(2, after.Positions(2).Count());
    }
}
