using NetSim.Network.Scenario.Binding;
using NetSim.Network.Scenario.Config;
using NetSim.Network.Scenario.Yaml;

namespace NetSim.Network.Scenario;

/// <summary>Checks that span several keys: references between sections, counts, files.</summary>
internal static class ScenarioValidator
{
    public static void Validate(ScenarioConfig c, IReadOnlyDictionary<string, SourceSpan> spans, string file, List<ScenarioError> errors)
    {
        void Error(string path, string message)
        {
            var at = path;
            while (!spans.ContainsKey(at) && at.Contains('.', StringComparison.Ordinal))
            {
                at = at[..at.LastIndexOf('.')];
            }

            errors.Add(new ScenarioError(spans.TryGetValue(at, out var span) ? span : new SourceSpan(file, 1, 1), path, message));
        }

        var models = c.Models.Select(m => m.Name).ToList();
        for (var i = 0; i < c.Models.Count; i++)
        {
            if (models.IndexOf(c.Models[i].Name) != i)
            {
                Error($"models.{i}.name", $"model '{c.Models[i].Name}' is defined twice");
            }
        }

        for (var i = 0; i < c.Ues.TaskTypes.Count; i++)
        {
            var model = c.Ues.TaskTypes[i].Model;
            if (!models.Contains(model))
            {
                var suggestion = Naming.Closest(model, models);
                Error($"ues.task_types.{i}.model", $"no model named '{model}' (models: {string.Join(", ", models)}){(suggestion is null ? string.Empty : $"; did you mean {suggestion}?")}");
            }
        }

        foreach (var name in c.BaseStations.Server.Cache.Preload.Where(n => n != "all" && !models.Contains(n)))
        {
            Error("base_stations.server.cache.preload", $"no model named '{name}' to preload (models: {string.Join(", ", models)}, or all)");
        }

        CheckPlacement(c.Ues.Placement, c.Ues.Count, "ues.placement", Error);
        CheckPlacement(c.BaseStations.Placement, c.BaseStations.Count, "base_stations.placement", Error);

        if (c.MaxTime < c.Duration)
        {
            Error("max_time", $"max_time ({c.MaxTime} s) is shorter than the duration ({c.Duration} s)");
        }

        if (c.Ues.Arrivals.Kind == ArrivalName.Trace)
        {
            var trace = c.Ues.Arrivals.File;
            if (trace.Length == 0)
            {
                Error("ues.arrivals.file", "trace arrivals need a file");
            }
            else if (!File.Exists(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".", trace)))
            {
                Error("ues.arrivals.file", $"no such trace file: {trace} (relative to the scenario file)");
            }
        }
    }

    private static void CheckPlacement(PlacementConfig p, int count, string path, Action<string, string> error)
    {
        if (p.Center.Count != 2)
        {
            error($"{path}.center", $"expected [x, y], found {p.Center.Count} values");
        }

        if (p.Kind == PlacementName.Points)
        {
            if (p.Points.Count != count)
            {
                error($"{path}.points", $"{p.Points.Count} points for {count} nodes (one point per node expected)");
            }

            for (var i = 0; i < p.Points.Count; i++)
            {
                if (p.Points[i].Count != 2)
                {
                    error($"{path}.points.{i}", $"expected [x, y], found {p.Points[i].Count} values");
                }
            }
        }
    }
}
