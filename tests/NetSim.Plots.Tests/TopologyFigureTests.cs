using NetSim.Network.Recording;
using NetSim.Plots.Building;
using NetSim.Plots.Figures;
using NetSim.Plots.Rendering;
using NetSim.Traces;

namespace NetSim.Plots.Tests;

public sealed class TopologyFigureTests
{
    private static readonly NodePlace[] Places =
    [
        new("ue:0", "ue", 10, 0), new("ue:1", "ue", 20, 5), new("ue:2", "ue", -5, 30), new("ue:3", "ue", 0, -40), new("ue:4", "ue", 7, 7),
        new("edge:0", "station", 0, 0), new("edge:1", "station", 100, 0), new("cloud", "cloud", double.NaN, double.NaN),
    ];

    [Fact]
    public void Given_a_run_with_places_tasks_and_queues_When_the_topology_is_built_Then_each_ue_is_drawn_where_it_stands_in_the_colour_of_where_most_of_its_tasks_ran()
    {
        using var db = new FixtureDatabase();

        // ue:0: 3 local, 1 at edge:0 -> device. ue:1: 2 at edge:0, 1 at edge:1 -> edge:0. ue:2: one
        // each at edge:0 and edge:1 -> a tie. ue:3: no tasks. ue:4: 2 in the cloud -> cloud.
        var targets = new (int Ue, string Target)[]
        {
            (0, "local"), (0, "local"), (0, "local"), (0, "edge:0"), (1, "edge:0"), (1, "edge:0"), (1, "edge:1"),
            (2, "edge:0"), (2, "edge:1"), (4, "cloud"), (4, "cloud"),
        };
        var tasks = targets.Select((t, i) => FixtureDatabase.Latency(i, 0.01) with { Ue = t.Ue, Target = t.Target }).ToList();

        // The longest queues: 5 tasks at edge:1 and at backhaul:0, a tie; backhaul:0 is drawn at its station, edge:0.
        var samples = new QueueSample[] { new("edge:1", 1, 5), new("backhaul:0", 2, 5), new("edge:0", 3, 4), new("edge:1", 4, 0) };
        var run = db.Run("nearest", tasks: tasks, samples: samples, places: Places);
        using var reader = new TraceReader(db.PathName);

        var figure = FigureBuilder.Build(reader, new FigureSpec { Name = "topology", Kind = FigureKind.Topology });

        var panel = Assert.Single(figure.Panels);
        Assert.True(panel.EqualAxes);

        // 11 tasks: 3 on devices (27%), 6 at edge servers (55%), 2 in the cloud (18%).
        Assert.Equal($"run {run}, 11 tasks\nran on: device 27%, edge 55%, cloud 18%", panel.Title);
        var byLabel = panel.Series.ToDictionary(s => s.Label!);
        Assert.Equal(
            ["1 UE, most tasks on the device", "1 UE, most tasks at edge:0", "1 UE, most tasks in the cloud", "1 UE, tie between targets", "1 UE, no tasks",
             "station edge:0", "station edge:1", "longest queue, a tie of 2 nodes (5 tasks)"],
            panel.Series.Select(s => s.Label));
        Assert.Equal((10.0, 0.0), At(byLabel["1 UE, most tasks on the device"]));
        Assert.Equal((20.0, 5.0), At(byLabel["1 UE, most tasks at edge:0"]));
        Assert.Equal((-5.0, 30.0), At(byLabel["1 UE, tie between targets"]));
        Assert.Equal((7.0, 7.0), At(byLabel["1 UE, most tasks in the cloud"]));
        Assert.Equal((0.0, -40.0), At(byLabel["1 UE, no tasks"]));

        // A UE that sends most of its tasks to a station has that station's colour.
        Assert.Equal(byLabel["station edge:0"].Color, byLabel["1 UE, most tasks at edge:0"].Color);
        Assert.NotEqual(byLabel["station edge:0"].Color, byLabel["station edge:1"].Color);
        var ring = byLabel["longest queue, a tie of 2 nodes (5 tasks)"];
        Assert.Equal(SeriesStyle.Rings, ring.Style);
        Assert.Equal([0.0, 100], ring.X);

        var png = db.File("topology.png");
        FigureRenderer.Save(figure, png);
        Assert.True(new FileInfo(png).Length > 10_000);
    }

    private static (double X, double Y) At(Series series) => (Assert.Single(series.X), Assert.Single(series.Y));

    [Fact]
    public void Given_a_run_without_places_When_the_topology_is_asked_for_Then_the_message_says_the_run_predates_positions()
    {
        using var db = new FixtureDatabase();
        var run = db.Run("nearest", tasks: [FixtureDatabase.Latency(0, 0.01)]);
        using var reader = new TraceReader(db.PathName);

        var any = Assert.Throws<MissingDataException>(() => FigureBuilder.Build(reader, new FigureSpec { Name = "topology", Kind = FigureKind.Topology }));
        var chosen = Assert.Throws<MissingDataException>(() => FigureBuilder.Build(reader, new FigureSpec { Name = "topology", Kind = FigureKind.Topology, RunId = run }));

        Assert.Contains("nodes table", any.Message, StringComparison.Ordinal);
        Assert.Contains($"run {run} has no rows in the nodes table", chosen.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_named_nodes_When_the_queue_figure_is_built_Then_only_they_are_drawn_and_an_unknown_one_is_named_with_the_nodes_there_are()
    {
        using var db = new FixtureDatabase();
        db.Run("nearest", samples: Enumerable.Range(0, 10).Select(n => new QueueSample($"ue:{n}", n, n + 1)).ToList());
        using var reader = new TraceReader(db.PathName);

        var figure = FigureBuilder.Build(reader, new FigureSpec { Name = "q", Kind = FigureKind.QueueLength, Nodes = ["ue:0", "ue:3"] });
        var missing = Assert.Throws<MissingDataException>(() => FigureBuilder.Build(reader, new FigureSpec { Name = "q", Kind = FigureKind.QueueLength, Nodes = ["edge:7"] }));

        // ue:0 has the shortest queue of all: without --node it is not among the eight drawn.
        Assert.Equal(["ue:0", "ue:3"], figure.Panels[0].Series.Select(s => s.Label));
        Assert.Contains("edge:7", missing.Message, StringComparison.Ordinal);
        Assert.Contains("ue:9", missing.Message, StringComparison.Ordinal);
    }
}
