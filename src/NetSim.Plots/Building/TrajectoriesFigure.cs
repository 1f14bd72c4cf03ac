using System.Globalization;
using NetSim.Network.Recording;
using NetSim.Network.Scenario.Units;
using NetSim.Plots.Data;
using NetSim.Plots.Figures;
using NetSim.Traces;

namespace NetSim.Plots.Building;

/// <summary>
/// How the moving UEs of one run went, to scale: stations as triangles (in the colour of the paths
/// they serve, named in the legend by those paths), each with its coverage
/// circle where <c>base_stations.coverage</c> is set, each UE's path through the corners the
/// run recorded (<c>positions</c>) coloured by the station serving it, and a cross where each
/// handover happened. A stretch between two rows has the colour of the station serving the UE at
/// the first of them; a path's stretches served by one station are one series, broken (NaN)
/// between the stretches. A handover's cross stands where the UE was at its instant, interpolated
/// linearly between the rows around it (NetSim writes a row at every handover, so it is one).
/// </summary>
internal static class TrajectoriesFigure
{
    /// <summary>Points of a coverage circle (the first repeated last, to close it).</summary>
    public const int CirclePoints = 97;

    private const int NoStationColour = 7;
    private const int CrossColour = 7;

    public static FigureData Build(TraceReader reader, FigureSpec spec)
    {
        var runId = ChooseRun(reader, spec.RunId);
        var stations = reader.Places(runId).Where(p => p.Kind == "station").ToList();
        var byUe = reader.Positions(runId).GroupBy(p => p.Ue).ToDictionary(g => g.Key, g => g.ToList());
        var handovers = reader.Handovers(runId).ToList();
        var coverage = CoverageRadius(reader.ScenarioYaml(runId));

        var series = new List<Series>();
        if (coverage is { } radius)
        {
            series.AddRange(stations.Select((s, k) => Circle(s, radius, Colour(k))));
        }

        foreach (var station in byUe.Values.SelectMany(p => p).Select(p => p.Station).Distinct().OrderBy(s => s < 0).ThenBy(s => s))
        {
            var (xs, ys) = Stretches(byUe.Values, station);
            var label = station < 0 ? "out of every station's coverage" : $"served by {Name(station, stations)}";
            series.Add(new Series(label, xs, ys, null, SeriesStyle.Line, station < 0 ? NoStationColour : Colour(station)));
        }

        series.AddRange(stations.Select((s, k) => new Series(null, [s.X], [s.Y], null, SeriesStyle.Sites, Colour(k))));
        if (handovers.Count > 0)
        {
            var at = handovers.Select(h => Where(byUe.GetValueOrDefault(h.Ue), h.Time)).ToList();
            series.Add(new Series($"handover ({handovers.Count})", at.Select(p => p.X).ToList(), at.Select(p => p.Y).ToList(), null, SeriesStyle.Marks, CrossColour));
        }

        var seconds = byUe.Values.SelectMany(p => p).Max(p => p.Time);
        var circles = coverage is { } r ? $"; circles: coverage, {r.ToString("G4", CultureInfo.InvariantCulture)} m" : string.Empty;
        var title = $"run {runId}: {byUe.Count} moving UE{(byUe.Count == 1 ? string.Empty : "s")} over {seconds.ToString("G4", CultureInfo.InvariantCulture)} s, {handovers.Count} handover{(handovers.Count == 1 ? string.Empty : "s")}\ntriangles: stations{circles}";
        return new FigureData(spec.Name, [new Panel(title, "x (m)", "y (m)", series, EqualAxes: true)]);
    }

    /// <summary>The palette index of station <paramref name="k"/> (the topology figure's station colours, in turn).</summary>
    internal static int Colour(int k) => TopologyFigure.StationColours[k % TopologyFigure.StationColours.Length];

    /// <summary>The coverage radius of the run's stations in metres, or null when it is unlimited or not given.</summary>
    internal static double? CoverageRadius(string? yaml)
    {
        var text = ScenarioValues.Lookup(ScenarioValues.Parse(yaml), "base_stations.coverage");
        return text is not null && UnitParser.TryParse(text, UnitKind.Distance, out var radius) is null && double.IsFinite(radius) ? radius : null;
    }

    /// <summary>
    /// Every stretch of every path served by <paramref name="station"/>: from a row where it
    /// serves the UE to the next row, consecutive stretches joined, a NaN between separate ones.
    /// </summary>
    internal static (List<double> X, List<double> Y) Stretches(IEnumerable<List<PositionRecord>> paths, int station)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        foreach (var path in paths)
        {
            for (var i = 0; i + 1 < path.Count; i++)
            {
                if (path[i].Station != station)
                {
                    continue;
                }

                if (i == 0 || path[i - 1].Station != station)
                {
                    if (xs.Count > 0)
                    {
                        xs.Add(double.NaN);
                        ys.Add(double.NaN);
                    }

                    xs.Add(path[i].X);
                    ys.Add(path[i].Y);
                }

                xs.Add(path[i + 1].X);
                ys.Add(path[i + 1].Y);
            }
        }

        return (xs, ys);
    }

    /// <summary>Where the UE was at <paramref name="time"/>, linear between the rows around it (NaN without rows).</summary>
    internal static (double X, double Y) Where(List<PositionRecord>? path, double time)
    {
        if (path is null || path.Count == 0)
        {
            return (double.NaN, double.NaN);
        }

        var after = path.FindIndex(p => p.Time >= time);
        if (after < 0)
        {
            return (path[^1].X, path[^1].Y);
        }

        if (after == 0 || path[after].Time == time)
        {
            return (path[after].X, path[after].Y);
        }

        var (a, b) = (path[after - 1], path[after]);
        var f = (time - a.Time) / (b.Time - a.Time);
        return (a.X + (f * (b.X - a.X)), a.Y + (f * (b.Y - a.Y)));
    }

    private static Series Circle(NodePlace station, double radius, int colour)
    {
        var angles = Enumerable.Range(0, CirclePoints).Select(i => 2 * Math.PI * i / (CirclePoints - 1)).ToList();
        return new Series(null, [.. angles.Select(a => station.X + (radius * Math.Cos(a)))], [.. angles.Select(a => station.Y + (radius * Math.Sin(a)))], null, SeriesStyle.Faint, colour);
    }

    private static string Name(int station, List<NodePlace> stations) =>
        station < stations.Count ? stations[station].Node : $"edge:{station.ToString(CultureInfo.InvariantCulture)}";

    private static long ChooseRun(TraceReader reader, long? chosen)
    {
        var runs = reader.Runs();
        if (chosen is { } id)
        {
            if (runs.All(r => r.RunId != id))
            {
                throw new MissingDataException($"{reader.Source}: no run {id}");
            }

            if (!reader.Positions(id).Any())
            {
                throw new MissingDataException($"{reader.Source}: run {id} has no rows in the positions table (no UE moved, ues.mobility, or it ran below --trace tasks)");
            }

            return id;
        }

        return runs.Where(r => r.Status == "complete").FirstOrDefault(r => reader.Positions(r.RunId).Any())?.RunId
            ?? throw new MissingDataException($"{reader.Source}: no complete run has rows in the positions table (run a scenario whose UEs move, ues.mobility, with --trace tasks or full)");
    }
}
