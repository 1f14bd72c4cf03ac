using Microsoft.Data.Sqlite;

namespace NetSim.Cli.Tests;

/// <summary>Every run stores where its nodes stand, and <c>netsim plot --figure topology</c> draws them.</summary>
public sealed class PlacesTests : IDisposable
{
    private readonly Netsim _netsim = new();

    public void Dispose() => _netsim.Dispose();

    [Fact]
    public void Given_a_scenario_with_fixed_points_When_run_at_summary_level_Then_the_nodes_table_holds_exactly_those_points()
    {
        var db = _netsim.File("p.db");
        var (exit, _, err) = _netsim.Run("run", _netsim.Scenario("queueing/mm1.yaml"), "--set", "duration=10s", "--trace", "summary", "--out", db);
        Assert.True(exit == 0, err);

        using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT node, kind, x, y FROM nodes ORDER BY rowid";
        using var reader = command.ExecuteReader();
        var rows = new List<(string, string, double, double)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetDouble(2), reader.GetDouble(3)));
        }

        // queueing/base.yaml: one UE at (10 m, 0), one base station at the origin, no cloud.
        Assert.Equal([("ue:0", "ue", 10.0, 0.0), ("edge:0", "station", 0.0, 0.0)], rows);
    }

    [Fact]
    public void Given_a_run_When_the_topology_figure_is_asked_for_by_name_or_kind_Then_both_draw_it_and_node_is_refused_outside_queue_figures()
    {
        var db = _netsim.File("q.db");
        Assert.Equal(0, _netsim.Run("run", _netsim.Scenario("quickstart.yaml"), "--set", "duration=3s", "--trace", "tasks", "--out", db).Exit);

        var named = _netsim.Run("plot", db, "--figure", "topology", "--out", _netsim.File("a.png"));
        var kind = _netsim.Run("plot", db, "--kind", "topology", "--out", _netsim.File("b.svg"));
        var node = _netsim.Run("plot", db, "--kind", "topology", "--node", "edge:0", "--out", _netsim.File("c.png"));

        Assert.True(named.Exit == 0, named.Err);
        Assert.True(kind.Exit == 0, kind.Err);
        Assert.True(new FileInfo(_netsim.File("a.png")).Length > 10_000);
        Assert.Contains("<svg", File.ReadAllText(_netsim.File("b.svg")), StringComparison.Ordinal);
        Assert.Equal(2, node.Exit);
        Assert.Contains("--node", node.Err, StringComparison.Ordinal);
    }
}
