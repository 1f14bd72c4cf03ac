using System.Diagnostics;
using Microsoft.Data.Sqlite;
using NetSim.Network.Recording;
using TraceLevel = NetSim.Network.Recording.TraceLevel;

namespace NetSim.Traces.Tests;

public class StaleRunTests
{
    [Fact]
    public void Given_running_runs_Then_only_those_whose_writer_is_gone_from_this_host_are_stale_and_appending_marks_them_interrupted()
    {
        using var dir = new TempDirectory();
        var path = dir.File("t.db");
        var writers = new List<RunWriter>();
        using (var db = TraceDatabase.Open(path))
        {
            // Left without a final status, as by a killed process (disposing would mark them failed).
            writers.AddRange(Enumerable.Range(0, 5).Select(i => db.CreateRun(Rows.Info(replication: i), TraceLevel.Summary)));
        }

        using var exited = Process.Start(new ProcessStartInfo("true"))!;
        exited.WaitForExit();
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            // 1: this process, alive; 2: a process that has exited; 3: another host; 4: no writer
            // recorded (an older NetSim); 5: this process's id, but another process's start time (a reused id).
            command.CommandText = $"""
                UPDATE runs SET writer_pid = {exited.Id} WHERE run_id = 2;
                UPDATE runs SET writer_host = 'elsewhere', writer_pid = {exited.Id} WHERE run_id = 3;
                UPDATE runs SET writer_pid = NULL, writer_host = NULL, writer_started = NULL WHERE run_id = 4;
                UPDATE runs SET writer_started = '2001-01-01T00:00:00.0000000Z' WHERE run_id = 5;
                """;
            command.ExecuteNonQuery();
        }

        using (var reader = new TraceReader(path))
        {
            var stale = reader.StaleRuns();
            Assert.Equal([2L, 4L, 5L], stale.Select(r => r.RunId));
            Assert.Null(stale[1].Writer);
            Assert.Contains($"process {exited.Id} on {Environment.MachineName}, is gone", stale[0].Why, StringComparison.Ordinal);
        }

        using (var db = TraceDatabase.Open(path))
        {
            Assert.Equal([2L, 5L], db.Repaired.Select(r => r.RunId));
            Assert.Equal([4L], db.MarkStaleInterrupted(includeUnrecorded: true).Select(r => r.RunId));
        }

        using var after = new TraceReader(path);
        Assert.Equal(["running", "interrupted", "running", "interrupted", "interrupted"], after.Runs().Select(r => r.Status));
        Assert.StartsWith("left running: its writer", after.Runs()[1].Message, StringComparison.Ordinal);
        Assert.Empty(after.StaleRuns());
    }

    [Fact]
    public void Given_a_sweep_plan_reserved_by_one_writer_Then_a_run_another_writer_creates_meanwhile_gets_an_id_past_the_plan()
    {
        using var dir = new TempDirectory();
        var path = dir.File("t.db");
        using var sweep = TraceDatabase.Open(path);
        using var other = TraceDatabase.Open(path);

        var plan = sweep.ReservePlan([.. Enumerable.Range(0, 3).Select(i => new PlanEntry("s", "quickstart", 0, 1, 3, i, 0, $"k{i}", $"run {i}"))]);
        using var run = other.CreateRun(Rows.Info("other"), TraceLevel.Summary);
        run.Complete(1, 1, 1, new Dictionary<string, double>());
        foreach (var entry in plan)
        {
            using var planned = sweep.CreateRun(Rows.Info(replication: entry.PlanIndex), TraceLevel.Summary, entry.RunId);
            planned.Complete(1, 1, 1, new Dictionary<string, double>());
        }

        Assert.Equal([1L, 2L, 3L], plan.Select(e => e.RunId));
        Assert.Equal(4, run.RunId);
        Assert.Throws<TraceException>(() => other.ReservePlan([new PlanEntry("s", "quickstart", 0, 1, 3, 0, 0, "k0", "run 0")]));
    }
}
