using NetSim.Network.Scenario.Binding;
using NetSim.Network.Scenario.Config;
using NetSim.Network.Scenario.Loading;
using NetSim.Network.Scenario.Units;
using NetSim.Network.Scenario.Yaml;

namespace NetSim.Network.Scenario;

/// <summary>Checks that span several keys: references between sections, counts, files, sweeps.</summary>
internal static class ScenarioValidator
{
    public static void Validate(ScenarioConfig c, Node root, IReadOnlyDictionary<string, SourceSpan> spans, string file, List<ScenarioError> errors)
    {
        void Error(string path, string message)
        {
            var at = path;
            while (!spans.ContainsKey(at) && at.Contains('.', StringComparison.Ordinal))
            {
                at = at[..at.LastIndexOf('.')];
            }

            var written = spans.ContainsKey(path);
            errors.Add(new ScenarioError(spans.TryGetValue(at, out var span) ? span : new SourceSpan(file, 1, 1), path, written ? message : $"{message} (this is the default; write the key to change it)"));
        }

        CheckNames(c.Models.Select(m => m.Name).ToList(), "models", "model", Error);
        CheckNames(c.Ues.TaskTypes.Select(t => t.Name).ToList(), "ues.task_types", "task type", Error);
        CheckModelReferences(c, spans, Error);
        CheckModelsFitCache(c, Error);
        CheckPlacement(c.Ues.Placement, c.Ues.Count, "ues.placement", spans, Error);
        CheckPlacement(c.BaseStations.Placement, c.BaseStations.Count, "base_stations.placement", spans, Error);

        if (c.MaxTime < c.Duration)
        {
            Error("max_time", $"max_time ({UnitFormat.Format(c.MaxTime, UnitKind.Time)}) is shorter than the duration ({UnitFormat.Format(c.Duration, UnitKind.Time)})");
        }

        var trace = c.Ues.Arrivals.File;
        if (c.Ues.Arrivals.Kind == ArrivalName.Trace && trace.Length > 0
            && !File.Exists(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".", trace)))
        {
            Error("ues.arrivals.file", $"no such trace file: {trace} (relative to {Path.GetFileName(file)})");
        }

        SweepValidator.Validate(root.Get("sweep")?.Get("parameters"), errors);
    }

    private static void CheckNames(List<string> names, string path, string what, Action<string, string> error)
    {
        for (var i = 0; i < names.Count; i++)
        {
            var first = names.IndexOf(names[i]);
            if (first != i)
            {
                error($"{path}.{i}.name", $"{what} '{names[i]}' is defined twice (first as {path}.{first})");
            }
        }
    }

    private static void CheckModelReferences(ScenarioConfig c, IReadOnlyDictionary<string, SourceSpan> written, Action<string, string> error)
    {
        var models = c.Models.Select(m => m.Name).ToList();
        for (var i = 0; i < c.Ues.TaskTypes.Count; i++)
        {
            var model = c.Ues.TaskTypes[i].Model;
            if (!models.Contains(model) && !written.ContainsKey("ues.task_types"))
            {
                error("models", $"ues.task_types is not written, and the default task type needs a model named '{model}' (models: {string.Join(", ", models)}); write ues.task_types");
            }
            else if (!models.Contains(model))
            {
                var suggestion = Naming.Closest(model, models);
                error($"ues.task_types.{i}.model", $"no model named '{model}' (models: {string.Join(", ", models)}){(suggestion is null ? string.Empty : $"; did you mean {suggestion}?")}");
            }
        }

        var preload = c.BaseStations.Server.Cache.Preload;
        for (var i = 0; i < preload.Count; i++)
        {
            if (preload[i] != "all" && !models.Contains(preload[i]))
            {
                error($"base_stations.server.cache.preload.{i}", $"no model named '{preload[i]}' to preload (models: {string.Join(", ", models)}, or all)");
            }
        }
    }

    /// <summary>A model that tasks need but that is larger than an edge cache could never be held there.</summary>
    private static void CheckModelsFitCache(ScenarioConfig c, Action<string, string> error)
    {
        var capacity = c.BaseStations.Server.Cache.Capacity;
        var needed = c.Ues.TaskTypes.Select(t => t.Model).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < c.Models.Count; i++)
        {
            var model = c.Models[i];
            if (needed.Contains(model.Name) && model.Size > capacity)
            {
                error(
                    $"models.{i}.size",
                    $"model '{model.Name}' ({UnitFormat.Format(model.Size, UnitKind.Size)}) is larger than an edge cache ({UnitFormat.Format(capacity, UnitKind.Size)}), so no edge could ever hold it (expected at most base_stations.server.cache.capacity)");
            }
        }
    }

    private static void CheckPlacement(PlacementConfig p, int count, string path, IReadOnlyDictionary<string, SourceSpan> spans, Action<string, string> error)
    {
        if (p.Center.Count != 2)
        {
            error($"{path}.center", $"expected [x, y], found {p.Center.Count} value{(p.Center.Count == 1 ? string.Empty : "s")}");
        }

        if (p.Kind != PlacementName.Points || !spans.ContainsKey($"{path}.points"))
        {
            return;
        }

        if (p.Points.Count != count)
        {
            error($"{path}.points", $"{p.Points.Count} point{(p.Points.Count == 1 ? string.Empty : "s")} for {count} node{(count == 1 ? string.Empty : "s")} (one point per node expected)");
        }

        for (var i = 0; i < p.Points.Count; i++)
        {
            if (p.Points[i].Count != 2)
            {
                error($"{path}.points.{i}", $"expected [x, y], found {p.Points[i].Count} value{(p.Points[i].Count == 1 ? string.Empty : "s")}");
            }
        }
    }
}
