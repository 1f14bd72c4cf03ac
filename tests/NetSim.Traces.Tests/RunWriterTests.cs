using NetSim.Network.Recording;

namespace NetSim.Traces.Tests;

public class RunWriterTests
{
    [Fact]
    public void Given_tasks_written_Then_they_read_back_equal_with_nan_as_null()
    {
        using var dir = new TempDirectory();
        var written = Enumerable.Range(0, 100).Select(i => Rows.Task(i, i % 10 == 0 ? TaskOutcome.Dropped : TaskOutcome.Completed, met: i % 7 == 0 ? null : i % 2 == 0) with { Relay = i % 3 == 0 ? 0.01 * i : double.NaN }).ToList();
        long runId;
        using (var db = TraceDatabase.Open(dir.File("t.db")))
        using (var run = db.CreateRun(Rows.Info(), TraceLevel.Tasks))
        {
            runId = run.RunId;
            foreach (var t in written)
            {
                run.OnTask(t);
            }

            run.Complete(10, 1234, 0.5, new Dictionary<string, double> { ["mean_latency"] = 0.25 });
        }

        using var reader = new TraceReader(dir.File("t.db"));
        Assert.Equal(written, reader.Tasks(runId).ToList());
        var row = Assert.Single(reader.Runs());
        Assert.Equal(("complete", 10.0, 1234L), (row.Status, row.SimTime, row.Events));
        Assert.Equal(0.25, reader.Summary(runId)["mean_latency"]);
    }

    [Theory]
    [InlineData(TraceLevel.Summary, 0, 0)]
    [InlineData(TraceLevel.Tasks, 50, 0)]
    [InlineData(TraceLevel.Full, 50, 200)]
    public void Given_a_trace_level_Then_exactly_its_tables_are_kept(TraceLevel level, int tasks, int samples)
    {
        using var dir = new TempDirectory();
        long runId;
        using (var db = TraceDatabase.Open(dir.File("t.db")))
        using (var run = db.CreateRun(Rows.Info(), level))
        {
            runId = run.RunId;
            for (var i = 0; i < 50; i++)
            {
                run.OnTask(Rows.Task(i));
            }

            for (var i = 0; i < 200; i++)
            {
                run.OnQueueSample(new QueueSample("edge:0", i, i % 4));
            }

            run.OnDownload(new DownloadRecord(0, "sd", 1, 1, 2, 8e9, null));
            run.OnHandover(new HandoverRecord(1.5, 3, 0, 1, "strongest", 2));
            run.OnPosition(new PositionRecord(0.1, 3, 12.5, -4, 1));
            run.Complete(1, 1, 1, new Dictionary<string, double>());
        }

        using var reader = new TraceReader(dir.File("t.db"));
        Assert.Equal(tasks, reader.Tasks(runId).Count());
        Assert.Equal(samples, reader.QueueSamples(runId, "edge:0").Count());
        Assert.Equal(level == TraceLevel.Full ? 1 : 0, reader.Downloads(runId).Count());
        Assert.Equal(level == TraceLevel.Summary ? [] : [new HandoverRecord(1.5, 3, 0, 1, "strongest", 2)], reader.Handovers(runId).ToList());
        Assert.Equal(level == TraceLevel.Summary ? [] : [new PositionRecord(0.1, 3, 12.5, -4, 1)], reader.Positions(runId).ToList());
    }

    [Fact]
    public void Given_positions_of_several_ues_over_many_batches_Then_they_read_back_equal_by_ue_then_time()
    {
        // 3 UEs at 0.1 s for 100 updates: 303 rows, two whole batches of 128 and a partial one
        // flushed when the run completes; written in time order, read back by UE then time.
        using var dir = new TempDirectory();
        var written = Enumerable.Range(0, 101).SelectMany(k => Enumerable.Range(0, 3).Select(u => new PositionRecord(k * 0.1, u, (25.0 * k * 0.1) + u, -u, k < 50 ? 0 : u == 2 ? -1 : 1))).ToList();
        long runId;
        using (var db = TraceDatabase.Open(dir.File("t.db")))
        using (var run = db.CreateRun(Rows.Info(), TraceLevel.Tasks))
        {
            runId = run.RunId;
            foreach (var p in written)
            {
                run.OnPosition(p);
            }

            run.Complete(10, 1, 1, new Dictionary<string, double>());
        }

        using var reader = new TraceReader(dir.File("t.db"));
        Assert.Equal(written.OrderBy(p => p.Ue).ThenBy(p => p.Time), reader.Positions(runId).ToList());
    }

    [Fact]
    public void Given_a_failure_Then_rows_so_far_are_kept_and_the_status_is_failed_with_the_message()
    {
        using var dir = new TempDirectory();
        using (var db = TraceDatabase.Open(dir.File("t.db")))
        using (var run = db.CreateRun(Rows.Info(), TraceLevel.Tasks))
        {
            for (var i = 0; i < 45; i++)
            {
                run.OnTask(Rows.Task(i));
            }

            run.MarkFailed("policy greedy: edge 9 does not exist");
        }

        using var reader = new TraceReader(dir.File("t.db"));
        var row = Assert.Single(reader.Runs());
        Assert.Equal(("failed", "policy greedy: edge 9 does not exist"), (row.Status, row.Message));
        Assert.Equal(45, reader.Tasks(row.RunId).Count());
    }

    [Fact]
    public void Given_an_interrupt_Then_the_status_is_interrupted_and_rows_are_kept()
    {
        using var dir = new TempDirectory();
        using (var db = TraceDatabase.Open(dir.File("t.db")))
        using (var run = db.CreateRun(Rows.Info(), TraceLevel.Tasks))
        {
            run.OnTask(Rows.Task(0));
            run.MarkInterrupted(3.5);
        }

        using var reader = new TraceReader(dir.File("t.db"));
        var row = Assert.Single(reader.Runs());
        Assert.Equal(("interrupted", 3.5), (row.Status, row.SimTime));
        Assert.Single(reader.Tasks(row.RunId));
    }

    [Fact]
    public void Given_a_run_still_writing_Then_another_reader_sees_it_running_never_complete()
    {
        using var dir = new TempDirectory();
        using var db = TraceDatabase.Open(dir.File("t.db"));
        var run = db.CreateRun(Rows.Info(), TraceLevel.Tasks);
        for (var i = 0; i < 30_000; i++)
        {
            run.OnTask(Rows.Task(i));
        }

        // As if the process were killed here: nothing marks the run finished.
        using (var reader = new TraceReader(dir.File("t.db")))
        {
            Assert.Equal("running", Assert.Single(reader.Runs()).Status);
        }

        run.Dispose();
        using var after = new TraceReader(dir.File("t.db"));
        Assert.Equal("failed", Assert.Single(after.Runs()).Status);
    }

    [Fact]
    public void Given_many_rows_Then_managed_memory_stays_flat()
    {
        // 300,000 task rows held in memory would take over 50 MB (a TaskRecord is about 180 bytes);
        // the writer keeps one 32-row batch, so the heap after a full collection stays far below that.
        using var dir = new TempDirectory();
        using var db = TraceDatabase.Open(dir.File("t.db"));
        using var run = db.CreateRun(Rows.Info(), TraceLevel.Tasks);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        for (var i = 0; i < 300_000; i++)
        {
            run.OnTask(Rows.Task(i));
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        run.Complete(1, 1, 1, new Dictionary<string, double>());
        Assert.True(after - before < 5_000_000, $"heap grew by {after - before} bytes");
    }
}
