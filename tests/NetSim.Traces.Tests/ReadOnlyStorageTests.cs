using NetSim.Network.Recording;

namespace NetSim.Traces.Tests;

/// <summary>
/// Reading a trace database where SQLite cannot create its <c>-shm</c> file, as on read-only
/// storage. Tests may run as root, for whom no folder is read-only, so the <c>-shm</c> path is
/// taken by a dangling symbolic link instead: SQLite opens it with O_NOFOLLOW and fails exactly as
/// it does on read-only storage (SQLITE_CANTOPEN). The CLI tests cover real read-only storage.
/// </summary>
public class ReadOnlyStorageTests
{
    private static string Unopenable(TempDirectory dir)
    {
        var path = dir.File("t.db");
        using (var db = TraceDatabase.Open(path))
        {
            using var run = db.CreateRun(Rows.Info(), TraceLevel.Tasks);
            run.OnTask(Rows.Task(0));
            run.Complete(1, 1, 1, new Dictionary<string, double>());
        }

        Assert.False(File.Exists(path + "-shm"), "the writer's last connection removes the -shm file");
        File.CreateSymbolicLink(path + "-shm", dir.File("absent/t.db-shm"));
        return path;
    }

    [Fact]
    public void Given_a_database_whose_shm_file_cannot_be_created_Then_it_is_read_and_merged()
    {
        using var dir = new TempDirectory();
        var path = Unopenable(dir);

        using (var reader = new TraceReader(path))
        {
            Assert.Equal("complete", Assert.Single(reader.Runs()).Status);
            Assert.Single(reader.Tasks(1));
        }

        Assert.Equal(1, TraceMerge.Merge(dir.File("merged.db"), [path]));
    }

    [Fact]
    public void Given_a_database_whose_shm_file_cannot_be_created_and_whose_wal_holds_rows_Then_reading_says_so_instead_of_missing_them()
    {
        using var dir = new TempDirectory();
        var path = Unopenable(dir);
        File.WriteAllBytes(path + "-wal", new byte[4096]);

        var error = Assert.Throws<TraceException>(() => new TraceReader(path));

        Assert.Contains("t.db: cannot be read: it is on read-only storage", error.Message, StringComparison.Ordinal);
        Assert.Contains("t.db-wal holds rows not yet in it", error.Message, StringComparison.Ordinal);
    }
}
