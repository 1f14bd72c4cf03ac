using NetSim.Network.Recording;

namespace NetSim.Traces.Tests;

public class RunIdTests
{
    [Fact]
    public void Given_runs_created_with_ids_out_of_order_Then_they_keep_those_ids_and_the_next_id_follows_the_largest()
    {
        using var dir = new TempDirectory();
        using (var db = TraceDatabase.Open(dir.File("ids.db")))
        {
            Assert.Equal(1, db.NextRunId());
            foreach (var id in new long[] { 3, 1, 2 })
            {
                using var run = db.CreateRun(Rows.Info(replication: (int)id), TraceLevel.Tasks, id);
                run.OnTask(Rows.Task(id));
                run.Complete(1, 1, 0.1, new Dictionary<string, double>());
            }

            Assert.Equal(4, db.NextRunId());
            using var next = db.CreateRun(Rows.Info(), TraceLevel.Summary);
            Assert.Equal(4, next.RunId);
            next.Complete(1, 1, 0.1, new Dictionary<string, double>());
        }

        using var reader = new TraceReader(dir.File("ids.db"));
        var runs = reader.Runs();
        Assert.Equal([1L, 2, 3, 4], runs.Select(r => r.RunId));
        Assert.Equal([1, 2, 3, 0], runs.Select(r => r.Replication));
        Assert.Equal(3, reader.Tasks(3).Single().TaskId);
        Assert.Equal("seed: 1\n", reader.ScenarioYaml(3));
        Assert.Null(reader.ScenarioYaml(99));
    }
}
