using System.Globalization;
using NetSim.Network.Recording;
using NetSim.Plots.Figures;
using NetSim.Traces;

namespace NetSim.Plots.Building;

/// <summary>
/// Where the user equipment and base stations of one run stand, to scale: stations as triangles
/// (each in its own colour, up to <see cref="MaxStationColours"/> stations), each UE as a dot
/// coloured by the target that ran most of its tasks (its device, a station's
/// server or the cloud; a tie between targets is its own colour), and the node whose queue grew
/// longest ringed when the run kept its queue samples. The title gives the share of the run's tasks
/// each kind of target ran.
/// </summary>
internal static class TopologyFigure
{
    /// <summary>Stations coloured one by one at most; beyond, every station's UEs share one colour.</summary>
    public const int MaxStationColours = 7;

    // Category10 indices: stations blue, orange, green, red, brown, pink, olive; ties purple; the
    // device grey; the cloud cyan.
    internal static readonly int[] StationColours = [0, 1, 2, 3, 5, 6, 8];
    private const int TieColour = 4;
    private const int DeviceColour = 7;
    private const int CloudColour = 9;

    public static FigureData Build(TraceReader reader, FigureSpec spec)
    {
        var runId = ChooseRun(reader, spec.RunId);
        var places = reader.Places(runId);
        var ues = places.Where(p => p.Kind == "ue").ToList();
        var stations = places.Where(p => p.Kind == "station").ToList();
        var where = Dominant(reader.Tasks(runId), out var shares);
        var perStation = stations.Count <= MaxStationColours;

        var groups = ues.GroupBy(u => Group(where.GetValueOrDefault(u.Node), perStation))
            .OrderBy(g => GroupOrder(g.Key, stations))
            .ToList();
        var series = new List<Series>();
        foreach (var group in groups)
        {
            var count = group.Count();
            series.Add(new Series(
                $"{count} UE{(count == 1 ? string.Empty : "s")}, {GroupLabel(group.Key)}",
                group.Select(u => u.X).ToList(),
                group.Select(u => u.Y).ToList(),
                null,
                SeriesStyle.Points,
                GroupColour(group.Key, stations)));
        }

        if (perStation)
        {
            series.AddRange(stations.Select(s => new Series($"station {s.Node}", [s.X], [s.Y], null, SeriesStyle.Sites, GroupColour(s.Node, stations))));
        }
        else
        {
            series.Add(new Series($"{stations.Count} base stations", stations.Select(s => s.X).ToList(), stations.Select(s => s.Y).ToList(), null, SeriesStyle.Sites, DeviceColour));
        }
        var (ring, longest) = Longest(reader, runId, places);
        if (ring is not null)
        {
            series.Add(ring);
        }

        var title = $"run {runId}, {ShareText(shares)}{(ring is null && longest.Length > 0 ? $"\n{longest}" : string.Empty)}";
        return new FigureData(spec.Name, [new Panel(title, "x (m)", "y (m)", series, EqualAxes: true)]);
    }

    /// <summary>For each UE (by node name), the target that ran most of its tasks, or "tie" when two or more ran as many.</summary>
    internal static Dictionary<string, string> Dominant(IEnumerable<TaskRecord> tasks, out Dictionary<string, long> byKind)
    {
        var counts = new Dictionary<string, Dictionary<string, long>>(StringComparer.Ordinal);
        byKind = new Dictionary<string, long>(StringComparer.Ordinal) { ["device"] = 0, ["edge"] = 0, ["cloud"] = 0, ["undecided"] = 0 };
        foreach (var task in tasks)
        {
            var target = task.Target ?? "undecided";
            var kind = target == "local" ? "device" : target.StartsWith("edge:", StringComparison.Ordinal) ? "edge" : target == "cloud" ? "cloud" : "undecided";
            byKind[kind]++;
            var ue = $"ue:{task.Ue.ToString(CultureInfo.InvariantCulture)}";
            if (!counts.TryGetValue(ue, out var mine))
            {
                counts[ue] = mine = new Dictionary<string, long>(StringComparer.Ordinal);
            }

            mine[target] = mine.GetValueOrDefault(target) + 1;
        }

        return counts.ToDictionary(kv => kv.Key, kv =>
        {
            var most = kv.Value.Values.Max();
            var top = kv.Value.Where(t => t.Value == most).Select(t => t.Key).ToList();
            return top.Count == 1 ? top[0] : "tie";
        });
    }

    private static long ChooseRun(TraceReader reader, long? chosen)
    {
        var runs = reader.Runs();
        if (chosen is { } id)
        {
            if (runs.All(r => r.RunId != id))
            {
                throw new MissingDataException($"{reader.Source}: no run {id}");
            }

            if (reader.Places(id).Count == 0)
            {
                throw new MissingDataException($"{reader.Source}: run {id} has no rows in the nodes table (it was written before NetSim stored positions; run it again)");
            }

            return id;
        }

        return runs.Where(r => r.Status == "complete").FirstOrDefault(r => reader.Places(r.RunId).Count > 0)?.RunId
            ?? throw new MissingDataException($"{reader.Source}: no complete run has rows in the nodes table (runs written before NetSim stored positions; run them again)");
    }

    private static string Group(string? target, bool perStation) => target switch
    {
        null => "none",
        "local" => "local",
        "cloud" => "cloud",
        "tie" => "tie",
        _ when target.StartsWith("edge:", StringComparison.Ordinal) => perStation ? target : "edge",
        _ => "none",
    };

    private static string GroupLabel(string group) => group switch
    {
        "none" => "no tasks",
        "local" => "most tasks on the device",
        "cloud" => "most tasks in the cloud",
        "tie" => "tie between targets",
        "edge" => "most tasks at an edge server",
        _ => $"most tasks at {group}",
    };

    private static int GroupOrder(string group, List<NodePlace> stations) => group switch
    {
        "local" => -2,
        "edge" => -1,
        "cloud" => stations.Count + 1,
        "tie" => stations.Count + 2,
        "none" => stations.Count + 3,
        _ => stations.FindIndex(s => s.Node == group),
    };

    private static int GroupColour(string group, List<NodePlace> stations) => group switch
    {
        "local" or "none" => DeviceColour,
        "cloud" => CloudColour,
        "tie" => TieColour,
        "edge" => 0,
        _ => StationColours[Math.Max(0, stations.FindIndex(s => s.Node == group)) % StationColours.Length],
    };

    private static string ShareText(Dictionary<string, long> shares)
    {
        var total = shares.Values.Sum();
        if (total == 0)
        {
            return "no task rows\n(run with --trace tasks to colour UEs by where their tasks ran)";
        }

        var parts = new[] { "device", "edge", "cloud", "undecided" }
            .Where(kind => kind != "undecided" || shares[kind] > 0)
            .Select(kind => $"{kind} {100.0 * shares[kind] / total:F0}%");
        return $"{total:N0} tasks\nran on: {string.Join(", ", parts)}";
    }

    /// <summary>
    /// The node whose queue was longest (each of them, on a tie), as text, and a ring on it when it
    /// has a place (null for the cloud); empty text without queue samples.
    /// </summary>
    private static (Series? Ring, string Text) Longest(TraceReader reader, long runId, IReadOnlyList<NodePlace> places)
    {
        var maxima = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var sample in reader.QueueSamples(runId))
        {
            maxima[sample.Node] = Math.Max(maxima.GetValueOrDefault(sample.Node), sample.Length);
        }

        if (maxima.Count == 0)
        {
            return (null, string.Empty);
        }

        var most = maxima.Values.Max();
        var nodes = maxima.Where(m => m.Value == most).Select(m => m.Key).Order(StringComparer.Ordinal).ToList();

        // A backhaul link stands at its station.
        var at = nodes.Select(n => n.StartsWith("backhaul:", StringComparison.Ordinal) ? "edge:" + n["backhaul:".Length..] : n)
            .Select(n => places.FirstOrDefault(p => p.Node == n))
            .Where(p => p.Node is not null && !double.IsNaN(p.X))
            .ToList();
        var tasks = $"{most} task{(most == 1 ? string.Empty : "s")}";
        var label = nodes.Count == 1 ? $"longest queue: {nodes[0]} ({tasks})" : $"longest queue, a tie of {nodes.Count} nodes ({tasks})";
        return (at.Count == 0 ? null : new Series(label, at.Select(p => p.X).ToList(), at.Select(p => p.Y).ToList(), null, SeriesStyle.Rings, 3), label);
    }
}
