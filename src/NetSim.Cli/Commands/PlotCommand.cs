using System.CommandLine;
using NetSim.Plots;
using NetSim.Plots.Building;
using NetSim.Plots.Figures;
using NetSim.Plots.Rendering;
using NetSim.Traces;
using Spectre.Console;

namespace NetSim.Cli.Commands;

/// <summary><c>netsim plot DB</c>: draws a named paper figure or a figure described on the command line, as PNG or SVG.</summary>
internal static class PlotCommand
{
    private static readonly string[] Kinds = ["sweep", "convergence", "queue", "cdf", "breakdown", "topology", "trajectories"];

    public static Command Create()
    {
        var database = new Argument<string>("database") { Description = "trace database" };
        var figure = new Option<string?>("--figure") { Description = $"a named figure: {string.Join(", ", FigureCatalog.All.Select(f => f.Name))}; or a kind (topology, trajectories, queue, cdf, breakdown, convergence), as --kind" };
        var kind = new Option<string>("--kind") { Description = "figure kind without --figure: sweep (metric against --x), convergence, queue, cdf, breakdown, topology (where the UEs and stations stand, each UE coloured by where its tasks ran) or trajectories (the paths of moving UEs coloured by serving station, with coverage circles and handovers; needs --trace tasks)", DefaultValueFactory = _ => "sweep" };
        kind.AcceptOnlyFromAmong(Kinds);
        var x = new Option<string?>("--x") { Description = "sweep: parameter key path on the X axis (for example ues.count)" };
        var y = new Option<string[]>("--y") { Description = "sweep: summary metric on the Y axis (repeatable: one panel each), for example mean_latency", AllowMultipleArgumentsPerToken = false };
        var by = new Option<string[]>("--by") { Description = "fields that split runs into series: policy or parameter key paths (default: policy)", AllowMultipleArgumentsPerToken = false };
        var filter = new Option<string[]>("--filter") { Description = "only runs with key.path=value (repeatable; of two --filter of one key the later wins, also over a named figure's own)", AllowMultipleArgumentsPerToken = false };
        var policy = new Option<string[]>("--policy") { Description = "only these policies (or agents), in legend order (repeatable)", AllowMultipleArgumentsPerToken = false };
        var run = new Option<long?>("--run") { Description = "queue, topology, trajectories: the run to draw (default: the first complete run with queue samples, with places, or with sampled positions of moving UEs)" };
        var node = new Option<string[]>("--node") { Description = "queue: a node to draw (repeatable; for example edge:0, backhaul:1, ue:3, cloud; default: the nodes with the longest queues)", AllowMultipleArgumentsPerToken = false };
        var smooth = new Option<int>("--smooth") { Description = "convergence: moving-average window in episodes", DefaultValueFactory = _ => 10 };
        var output = new Option<string>("--out") { Description = "image file: .png or .svg", Required = true };
        var command = new Command("plot", "draw a figure from a trace database (PNG or SVG)") { database, figure, kind, x, y, by, filter, policy, run, node, smooth, output };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(output)!;
            if (Path.GetExtension(path).ToLowerInvariant() is not ".png" and not ".svg")
            {
                Console.Error.WriteLine($"netsim plot: --out {path}: expected a .png or .svg file");
                return ExitCodes.BadInput;
            }

            var spec = Spec(parse.GetValue(figure), parse.GetValue(kind)!, parse.GetValue(x), parse.GetValue(y) ?? [], parse.GetValue(by) ?? [], parse.GetValue(filter) ?? [], parse.GetValue(policy) ?? [], parse.GetValue(run), parse.GetValue(smooth), out var error);
            if (spec is not null && (parse.GetValue(node) ?? []) is { Length: > 0 } nodes)
            {
                if (spec.Kind != FigureKind.QueueLength)
                {
                    spec = null;
                    error = "--node selects the nodes of a queue figure (--kind queue)";
                }
                else if (nodes.FirstOrDefault(n => n.Trim().Length == 0) is not null)
                {
                    spec = null;
                    error = "--node: an empty value";
                }
                else
                {
                    spec = spec with { Nodes = nodes };
                }
            }

            if (spec is null)
            {
                Console.Error.WriteLine($"netsim plot: {error}");
                return ExitCodes.BadInput;
            }

            if ((Files.CheckInput("database", parse.GetValue(database)!) ?? Files.CheckOutput("--out", path)) is { } fileError)
            {
                Console.Error.WriteLine($"netsim plot: {fileError}");
                return ExitCodes.BadInput;
            }

            try
            {
                using var reader = new TraceReader(parse.GetValue(database)!);
                var data = FigureBuilder.Build(reader, spec);
                FigureRenderer.Save(data, path);
                AnsiConsole.MarkupLine($"{Markup.Escape(spec.Name)}: [bold]{Markup.Escape(Path.GetFullPath(path))}[/]");
                return ExitCodes.Ok;
            }
            catch (Exception ex) when (ex is TraceException or MissingDataException)
            {
                Console.Error.WriteLine($"netsim plot: {spec.Name}: {ex.Message}");
                return ExitCodes.BadInput;
            }
        });
        return command;
    }

    private static FigureSpec? Spec(string? name, string kind, string? x, string[] ys, string[] by, string[] filters, string[] policies, long? run, int smooth, out string? error)
    {
        error = null;
        if (smooth < 1)
        {
            error = $"--smooth {smooth}: at least 1 expected";
            return null;
        }

        var empty = new[] { ("--figure", name is null ? [] : [name]), ("--x", x is null ? [] : [x]), ("--y", ys), ("--by", by), ("--policy", policies) }
            .FirstOrDefault(o => o.Item2.Any(v => v.Trim().Length == 0)).Item1;
        if (empty is not null)
        {
            error = $"{empty}: an empty value";
            return null;
        }

        var pairs = filters.Select(f => f.Split('=', 2)).ToList();
        if (pairs.FirstOrDefault(p => p.Length != 2 || p[0].Trim().Length == 0) is { } bad)
        {
            error = $"--filter {string.Join('=', bad)}: expected key.path=value";
            return null;
        }

        var filterMap = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            filterMap[pair[0].Trim()] = pair[1].Trim();
        }

        if (name is not null && FigureCatalog.Find(name) is null && Kinds.Contains(name) && name != "sweep")
        {
            kind = name;
            name = null;
        }

        if (name is not null)
        {
            if (x is not null || ys.Length > 0)
            {
                error = "--figure names a complete figure; leave out --x and --y";
                return null;
            }

            var named = FigureCatalog.Find(name);
            if (named is null)
            {
                error = $"unknown figure '{name}' (known: {string.Join(", ", FigureCatalog.All.Select(f => f.Name))})";
                return null;
            }

            return named with
            {
                Filters = named.Filters.Where(kv => !filterMap.ContainsKey(kv.Key)).Concat(filterMap).ToDictionary(kv => kv.Key, kv => kv.Value),
                Policies = policies.Length > 0 ? policies : named.Policies,
                Smoothing = smooth,
            };
        }

        var figureKind = kind switch
        {
            "convergence" => FigureKind.Convergence,
            "queue" => FigureKind.QueueLength,
            "cdf" => FigureKind.LatencyCdf,
            "breakdown" => FigureKind.LatencyBreakdown,
            "topology" => FigureKind.Topology,
            "trajectories" => FigureKind.Trajectories,
            _ => FigureKind.Sweep,
        };
        if (figureKind == FigureKind.Sweep && (x is null || ys.Length == 0))
        {
            error = "a sweep figure needs --x PARAM and --y METRIC (or --figure NAME, or --kind convergence|queue|cdf|breakdown|topology|trajectories)";
            return null;
        }

        return new FigureSpec
        {
            Name = figureKind == FigureKind.Sweep ? $"{string.Join("+", ys)} vs {x}" : kind,
            Kind = figureKind,
            X = x ?? string.Empty,
            Metrics = ys.Select(MetricLabels.For).ToList(),
            By = by.Length > 0 ? by : ["policy"],
            Filters = filterMap,
            Policies = policies,
            Smoothing = smooth,
            RunId = run,
        };
    }
}
