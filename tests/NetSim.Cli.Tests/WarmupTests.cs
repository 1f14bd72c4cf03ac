using Microsoft.Data.Sqlite;

namespace NetSim.Cli.Tests;

/// <summary>
/// <c>warmup: auto</c> through <c>netsim run</c>: each replication's MSER-5 cut is recorded in its
/// summary, every task statistic leaves out exactly the tasks created before it (counted from the
/// tasks table), and its per-node statistics start at it.
/// </summary>
public sealed class WarmupTests : IDisposable
{
    private readonly Netsim _netsim = new();

    public void Dispose() => _netsim.Dispose();

    [Fact]
    public void Given_warmup_auto_When_run_Then_each_replication_cuts_where_mser5_says_and_every_statistic_starts_there()
    {
        var db = _netsim.File("w.db");
        var (exit, stdout, stderr) = _netsim.Run("run", _netsim.Scenario("queueing/mm1.yaml"), "--set", "warmup=auto", "--set", "duration=2000s", "--replications", "3", "--out", db);
        Assert.True(exit == 0, stderr);
        Assert.Contains("warm-up cut", stdout, StringComparison.Ordinal);

        using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var cuts = new List<double>();
        for (var run = 1; run <= 3; run++)
        {
            var cut = Scalar(connection, $"SELECT value FROM summary WHERE run_id = {run} AND metric = 'warmup_cut_s'");
            cuts.Add(cut);
            var at = cut.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(Scalar(connection, $"SELECT COUNT(*) FROM tasks WHERE run_id = {run} AND created < {at}"), Scalar(connection, $"SELECT value FROM summary WHERE run_id = {run} AND metric = 'warmup_cut_tasks'"));
            Assert.Equal(Scalar(connection, $"SELECT COUNT(*) FROM tasks WHERE run_id = {run} AND created >= {at}"), Scalar(connection, $"SELECT value FROM summary WHERE run_id = {run} AND metric = 'tasks_created'"));
            Assert.Equal(
                Scalar(connection, $"SELECT AVG(latency) FROM tasks WHERE run_id = {run} AND created >= {at} AND status = 'completed'"),
                Scalar(connection, $"SELECT value FROM summary WHERE run_id = {run} AND metric = 'mean_latency'"),
                1e-9);
            Assert.Equal(cut, Scalar(connection, $"SELECT interval_start FROM node_stats WHERE run_id = {run} AND node = 'edge:0'"));
        }

        // The seeded replications include one that MSER-5 cuts (ρ = 0.8 over 2,000 s has a visible start-up transient in some of them).
        Assert.Contains(cuts, c => c > 0);
    }

    private static double Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToDouble(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
