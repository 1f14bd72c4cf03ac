using NetSim.Network.Building;
using NetSim.Network.Policies;
using NetSim.Network.Recording;
using NetSim.Network.Scenario;
using NetSim.Plots.Building;
using NetSim.Plots.Figures;
using NetSim.Plots.Rendering;
using NetSim.Traces;

namespace NetSim.Plots.Tests;

public sealed class TrajectoriesFigureTests
{
    private static readonly NodePlace[] Places =
    [
        new("ue:0", "ue", 0, 10), new("ue:1", "ue", 50, -20), new("edge:0", "station", 0, 0), new("edge:1", "station", 100, 0), new("cloud", "cloud", double.NaN, double.NaN),
    ];

    // UE 0 drives east at 20 m/s past both stations and is handed over at t = 3 s, a row; UE 1
    // leaves every coverage from t = 1 s to 3 s, and its handover is put at t = 2.5 s, between
    // two rows, so its cross is interpolated.
    private static readonly PositionRecord[] Positions =
    [
        new(0, 0, 0, 10, 0), new(1, 0, 20, 10, 0), new(2, 0, 40, 10, 0), new(3, 0, 60, 10, 1), new(4, 0, 80, 10, 1), new(5, 0, 100, 10, 1),
        new(0, 1, 50, -20, 0), new(1, 1, 50, -40, -1), new(2, 1, 60, -40, -1), new(3, 1, 70, -20, 1),
    ];

    private static readonly HandoverRecord[] Handovers = [new(3, 0, 0, 1, "strongest", 1), new(2.5, 1, 0, 1, "coverage", 0)];

    [Fact]
    public void Given_recorded_corners_and_handovers_When_the_figure_is_built_Then_paths_circles_stations_and_crosses_are_the_hand_drawn_ones()
    {
        using var db = new FixtureDatabase();
        var run = db.Run("nearest", places: Places, positions: Positions, handovers: Handovers, yaml: "seed: 1\nbase_stations:\n  coverage: 80m\n");
        using var reader = new TraceReader(db.PathName);

        var figure = FigureBuilder.Build(reader, new FigureSpec { Name = "trajectories", Kind = FigureKind.Trajectories });

        var panel = Assert.Single(figure.Panels);
        Assert.True(panel.EqualAxes);
        Assert.Equal(("x (m)", "y (m)"), (panel.XLabel, panel.YLabel));
        Assert.Equal($"run {run}: 2 moving UEs over 5 s, 2 handovers\ntriangles: stations; circles: coverage, 80 m", panel.Title);
        Assert.Equal(["served by edge:0", "served by edge:1", "out of every station's coverage", "handover (2)"], panel.Series.Where(s => s.Label is not null).Select(s => s.Label));
        var byLabel = panel.Series.Where(s => s.Label is not null).ToDictionary(s => s.Label!);

        // A stretch has the colour of the station serving the UE at its first row.
        Assert.Equal(Points((0, 10), (20, 10), (40, 10), (60, 10), (double.NaN, double.NaN), (50, -20), (50, -40)), Points(byLabel["served by edge:0"]));
        Assert.Equal(Points((60, 10), (80, 10), (100, 10)), Points(byLabel["served by edge:1"]));
        Assert.Equal(Points((50, -40), (60, -40), (70, -20)), Points(byLabel["out of every station's coverage"]));

        // Crosses: UE 0 at its row of t = 3 s; UE 1 halfway from (60, -40) at 2 s to (70, -20) at 3 s.
        var crosses = byLabel["handover (2)"];
        Assert.Equal(SeriesStyle.Marks, crosses.Style);
        Assert.Equal(Points((60, 10), (65, -30)), Points(crosses));

        // Stations where the nodes table puts them, in their paths' colours, each ringed at 80 m.
        var sites = panel.Series.Where(s => s.Style == SeriesStyle.Sites).ToList();
        Assert.Equal(Points((0, 0), (100, 0)), sites.SelectMany(Points).ToList());
        Assert.Equal([byLabel["served by edge:0"].Color, byLabel["served by edge:1"].Color], sites.Select(s => s.Color));
        var circles = panel.Series.Where(s => s.Style == SeriesStyle.Faint).ToList();
        Assert.Equal(2, circles.Count);
        for (var k = 0; k < 2; k++)
        {
            Assert.Equal(TrajectoriesFigure.CirclePoints, circles[k].X.Count);
            Assert.All(Points(circles[k]), p => Assert.Equal(80, Math.Sqrt(Math.Pow(p.X - (100 * k), 2) + Math.Pow(p.Y, 2)), 1e-9));
        }

        var png = db.File("trajectories.png");
        FigureRenderer.Save(figure, png);
        Assert.True(new FileInfo(png).Length > 10_000);
    }

    [Fact]
    public void Given_the_highway_run_written_to_a_database_When_the_figure_is_built_Then_every_series_is_what_the_database_holds()
    {
        using var db = new FixtureDatabase();
        var path = Path.Combine(ReproductionRuns.Root, "scenarios", "mobility", "highway.yaml");
        var loaded = ScenarioLoader.Load(path, ["duration=8s"]);
        Assert.True(loaded.Ok, loaded.Report(path));
        long runId;
        using (var database = TraceDatabase.Open(db.File("highway.db")))
        using (var writer = database.CreateRun(new RunInfo("highway", loaded.Scenario!.Sha256, loaded.Scenario.ResolvedYaml, "nearest", 1, 0, "{}"), TraceLevel.Tasks))
        {
            runId = writer.RunId;
            var run = WorldBuilder.Build(ScenarioMapper.ToSpec(loaded.Scenario, 1), _ => new NearestPolicy(), writer);
            writer.WritePlaces(run.World.Places());
            run.Run();
            writer.Complete(run.World.Simulation.Now, run.World.Simulation.ProcessedEvents, 0, new Dictionary<string, double>());
        }

        using var reader = new TraceReader(db.File("highway.db"));
        var positions = reader.Positions(runId).GroupBy(p => p.Ue).ToDictionary(g => g.Key, g => g.OrderBy(p => p.Time).ToList());
        var handovers = reader.Handovers(runId).ToList();
        var stations = reader.Places(runId).Where(p => p.Kind == "station").ToList();
        Assert.True(handovers.Count > 3, $"{handovers.Count} handovers: too few for the check to mean anything");

        var panel = Assert.Single(FigureBuilder.Build(reader, new FigureSpec { Name = "trajectories", Kind = FigureKind.Trajectories }).Panels);

        // Each station's path series, cut at its NaNs into polylines, holds exactly the stretches
        // between consecutive rows of a UE whose first row that station serves.
        foreach (var station in positions.Values.SelectMany(p => p).Select(p => p.Station).Distinct())
        {
            var label = station < 0 ? "out of every station's coverage" : $"served by {stations[station].Node}";
            var drawn = Stretches(Points(panel.Series.Single(s => s.Label == label)));
            var held = positions.Values.SelectMany(p => p.Zip(p.Skip(1)).Where(s => s.First.Station == station).Select(s => ((s.First.X, s.First.Y), (s.Second.X, s.Second.Y)))).ToList();
            Assert.Equal(held.Order(), drawn.Order());
        }

        // NetSim writes a row at every handover: each cross is the row of its UE at the handover's
        // instant (the last, should a leg start then too), served by the new station.
        var crosses = Points(panel.Series.Single(s => s.Style == SeriesStyle.Marks));
        Assert.Equal(handovers.Count, crosses.Count);
        for (var i = 0; i < handovers.Count; i++)
        {
            var sample = positions[handovers[i].Ue].Last(p => p.Time == handovers[i].Time);
            Assert.Equal((sample.X, sample.Y), crosses[i]);
            Assert.Equal(handovers[i].To, sample.Station);
        }

        // Stations and their 400 m coverage circles (the scenario's base_stations.coverage).
        Assert.Equal(stations.Select(s => (s.X, s.Y)), panel.Series.Where(s => s.Style == SeriesStyle.Sites).SelectMany(Points));
        var circles = panel.Series.Where(s => s.Style == SeriesStyle.Faint).ToList();
        Assert.Equal(stations.Count, circles.Count);
        Assert.All(circles.Zip(stations), c => Assert.All(Points(c.First), p => Assert.Equal(400, Math.Sqrt(Math.Pow(p.X - c.Second.X, 2) + Math.Pow(p.Y - c.Second.Y, 2)), 1e-6)));
    }

    [Fact]
    public void Given_a_run_without_positions_When_the_trajectories_are_asked_for_Then_the_message_says_what_writes_them()
    {
        using var db = new FixtureDatabase();
        var run = db.Run("nearest", places: Places);
        using var reader = new TraceReader(db.PathName);

        var any = Assert.Throws<MissingDataException>(() => FigureBuilder.Build(reader, new FigureSpec { Name = "trajectories", Kind = FigureKind.Trajectories }));
        var chosen = Assert.Throws<MissingDataException>(() => FigureBuilder.Build(reader, new FigureSpec { Name = "trajectories", Kind = FigureKind.Trajectories, RunId = run }));

        Assert.Contains("positions table (run a scenario whose UEs move, ues.mobility, with --trace tasks or full)", any.Message, StringComparison.Ordinal);
        Assert.Contains($"run {run} has no rows in the positions table", chosen.Message, StringComparison.Ordinal);
    }

    private static List<(double X, double Y)> Points(Series series) => [.. series.X.Zip(series.Y)];

    private static List<(double X, double Y)> Points(params (double X, double Y)[] points) => [.. points];

    /// <summary>The segments between consecutive points of each polyline (polylines separated by NaN).</summary>
    private static List<((double X, double Y), (double X, double Y))> Stretches(List<(double X, double Y)> points)
    {
        var segments = new List<((double, double), (double, double))>();
        for (var i = 0; i + 1 < points.Count; i++)
        {
            if (!double.IsNaN(points[i].X) && !double.IsNaN(points[i + 1].X))
            {
                segments.Add((points[i], points[i + 1]));
            }
        }

        return segments;
    }
}
