using System.Globalization;
using NetSim.Network.Scenario.Binding;
using NetSim.Network.Scenario.Config;
using NetSim.Network.Scenario.Loading;
using NetSim.Network.Scenario.Units;
using NetSim.Network.Scenario.Yaml;

namespace NetSim.Network.Scenario;

/// <summary>
/// Checks that span several keys: references between sections, counts, files, sweeps, and what a
/// run would otherwise find only once it started (a trace file's lines, a run too large to end).
/// </summary>
internal static class ScenarioValidator
{
    public static void Validate(ScenarioConfig c, Node root, IReadOnlyDictionary<string, SourceSpan> spans, string file, List<ScenarioError> errors, ScenarioLimits limits)
    {
        SourceSpan Where(string path) => SpanLookup.Nearest(spans, path, file);

        void Error(string path, string message) =>
            errors.Add(new ScenarioError(Where(path), path, spans.ContainsKey(path) ? message : $"{message} (this is the default; write the key to change it)"));

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

        if (!double.IsPositiveInfinity(c.Warmup) && c.Warmup >= c.Duration)
        {
            Error("warmup", $"warmup ({UnitFormat.Format(c.Warmup, UnitKind.Time)}) is not shorter than the duration ({UnitFormat.Format(c.Duration, UnitKind.Time)}): nothing would be measured");
        }

        var trace = c.Ues.Arrivals.File;
        if (c.Ues.Arrivals.Kind == ArrivalName.Trace && trace.Length > 0 && errors.Count == 0)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".";
            TraceFile.Read(Path.Combine(folder, trace), Path.Combine(Path.GetDirectoryName(file) ?? string.Empty, trace), c.Ues.Count, c.Ues.TaskTypes.Count, limits, Where("ues.arrivals.file"), errors);
        }

        CheckMobility(c, file, limits, Where, Error, errors);

        if (c.BaseStations.Admission.Fallback == FallbackName.Cloud && !c.Cloud.Enabled)
        {
            Error("base_stations.admission.fallback", "the fallback is cloud but the scenario has no cloud (expected local or drop, or cloud.enabled: true)");
        }

        CheckEvents(c, limits, Error);
        CheckGains(c, Error);
        SweepValidator.Validate(root.Get("sweep")?.Get("parameters"), errors);
        CheckSweepRuns(c, limits, Where("sweep"), errors);
    }

    /// <summary>What moving UEs need: a sensible speed range and area, no shadowing (a moving UE's gains are the path-loss law's), a readable trace.</summary>
    private static void CheckMobility(ScenarioConfig c, string file, ScenarioLimits limits, Func<string, SourceSpan> where, Action<string, string> error, List<ScenarioError> errors)
    {
        var m = c.Ues.Mobility;
        if (m.Kind == MobilityName.Static)
        {
            return;
        }

        if (c.Channel.Shadowing > 0)
        {
            error("channel.shadowing", "shadowing is drawn once per UE-station pair and is not modelled for moving UEs (expected 0 with ues.mobility.kind other than static)");
        }

        if (m.Kind == MobilityName.RandomWaypoint && m.SpeedMax < m.SpeedMin)
        {
            error("ues.mobility.speed_max", $"speed_max {m.SpeedMax.ToString(CultureInfo.InvariantCulture)} is below speed_min {m.SpeedMin.ToString(CultureInfo.InvariantCulture)} (expected speed_min <= speed_max)");
        }

        if (m.Center.Count != 2)
        {
            error("ues.mobility.center", $"expected [x, y], found {m.Center.Count} value{(m.Center.Count == 1 ? string.Empty : "s")}");
        }

        var events = c.MaxTime / m.Update;
        if (!(events <= limits.Events))
        {
            error("ues.mobility.update", $"max_time / update: {events.ToString("0.##e+0", CultureInfo.InvariantCulture)} position updates in one run, more than the limit of {limits.Events.ToString("0.##e+0", CultureInfo.InvariantCulture)} (expected at least {UnitFormat.Format(c.MaxTime / limits.Events, UnitKind.Time)}; {ScenarioLimits.EventsVariable} raises the limit)");
        }

        if (m.Kind == MobilityName.Trace && m.File.Length > 0 && errors.Count == 0)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".";
            MobilityTraceFile.Read(Path.Combine(folder, m.File), Path.Combine(Path.GetDirectoryName(file) ?? string.Empty, m.File), c.Ues.Count, limits, where("ues.mobility.file"), errors);
        }
    }

    /// <summary>
    /// A run whose arrivals (over the duration), slots or fading blocks (up to <c>max_time</c>)
    /// number more than <see cref="ScenarioLimits.Events"/> would not end in any useful time, and an
    /// interval far below the time it is added to would not even advance the clock.
    /// </summary>
    private static void CheckEvents(ScenarioConfig c, ScenarioLimits limits, Action<string, string> error)
    {
        void Check(string path, double events, string what, string expected)
        {
            if (!(events <= limits.Events))
            {
                error(path, $"{what}: {events.ToString("0.##e+0", CultureInfo.InvariantCulture)} in one run, more than the limit of {limits.Events.ToString("0.##e+0", CultureInfo.InvariantCulture)} (expected {expected}; {ScenarioLimits.EventsVariable} raises the limit)");
            }
        }

        string AtLeast(double total) => $"at least {UnitFormat.Format(total / limits.Events, UnitKind.Time)}";

        var a = c.Ues.Arrivals;
        var ues = (double)c.Ues.Count;
        switch (a.Kind)
        {
            case ArrivalName.Poisson:
                Check("ues.arrivals.rate", ues * c.Duration * a.Rate, "ues.count * duration * rate arrivals", $"at most {UnitFormat.Format(limits.Events / (ues * c.Duration), UnitKind.PerSecond)}");
                break;
            case ArrivalName.Slot or ArrivalName.Uniform when double.IsFinite(a.Interval):
                Check("ues.arrivals.interval", ues * c.Duration / a.Interval, "ues.count * duration / interval arrivals", AtLeast(ues * c.Duration));
                break;
        }

        if (c.Scheduler.Epoch == EpochName.Slot && double.IsFinite(c.Scheduler.Slot))
        {
            Check("scheduler.slot", c.MaxTime / c.Scheduler.Slot, "max_time / slot scheduling slots", AtLeast(c.MaxTime));
        }

        if (c.Channel.Fading.Kind == FadingName.Rayleigh)
        {
            Check("channel.fading.block", c.MaxTime / c.Channel.Fading.Block, "max_time / block fading blocks", AtLeast(c.MaxTime));
        }
    }

    /// <summary>
    /// At an interference tolerance of 0 every UE is in range of every station, so the run keeps a
    /// gain for each of ues.count x base_stations.count pairs (a 64-bit product); more than one
    /// array can hold (<see cref="Radio.GainTable.MaxPairs"/>) is refused here. With a tolerance
    /// above 0 the gains kept grow with the stations in range, checked when the world is built.
    /// </summary>
    private static void CheckGains(ScenarioConfig c, Action<string, string> error)
    {
        var pairs = (long)c.Ues.Count * c.BaseStations.Count;
        if (c.Channel.InterferenceTolerance == 0 && pairs > Radio.GainTable.MaxPairs)
        {
            error("channel.interference_tolerance", $"ues.count x base_stations.count = {pairs.ToString("N0", CultureInfo.InvariantCulture)} channel gains at a tolerance of 0 (every station in range of every UE), more than the {Radio.GainTable.MaxPairs.ToString("N0", CultureInfo.InvariantCulture)} one run can hold (expected a tolerance above 0, such as the default 0.01, which keeps only the stations in range, or fewer UEs or stations)");
        }
    }

    /// <summary>A sweep of more than <see cref="ScenarioLimits.SweepRuns"/> runs is refused before its grid is built.</summary>
    private static void CheckSweepRuns(ScenarioConfig c, ScenarioLimits limits, SourceSpan at, List<ScenarioError> errors)
    {
        var points = c.Sweep.Parameters.Values.Aggregate(1.0, (n, values) => n * Math.Max(1, values.Kind == NodeKind.Sequence ? values.Items.Count : 1));
        var runs = points * Math.Max(1, c.Sweep.Policies.Distinct().Count()) * c.Sweep.Replications;
        if (runs > limits.SweepRuns)
        {
            errors.Add(new ScenarioError(at, "sweep", $"{runs.ToString("G6", CultureInfo.InvariantCulture)} runs ({points.ToString("G6", CultureInfo.InvariantCulture)} grid points * policies * replications), more than the limit of {limits.SweepRuns.ToString("N0", CultureInfo.InvariantCulture)} ({ScenarioLimits.SweepRunsVariable} raises it)"));
        }
    }

    private static void CheckNames(List<string> names, string path, string what, Action<string, string> error)
    {
        for (var i = 0; i < names.Count; i++)
        {
            var first = names.IndexOf(names[i]);
            if (first != i)
            {
                error($"{path}.{i}.name", $"{what} {Quote.Value(names[i])} is defined twice (first as {path}.{first})");
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
                error("models", $"ues.task_types is not written, and the default task type needs a model named {Quote.Value(model)} (models: {Quote.Text(string.Join(", ", models), 200)}); write ues.task_types");
            }
            else if (!models.Contains(model))
            {
                var suggestion = Naming.Closest(model, models);
                error($"ues.task_types.{i}.model", $"no model named {Quote.Value(model)} (models: {Quote.Text(string.Join(", ", models), 200)}){(suggestion is null ? string.Empty : $"; did you mean {suggestion}?")}");
            }
        }

        var preload = c.BaseStations.Server.Cache.Preload;
        for (var i = 0; i < preload.Count; i++)
        {
            if (preload[i] != "all" && !models.Contains(preload[i]))
            {
                error($"base_stations.server.cache.preload.{i}", $"no model named {Quote.Value(preload[i])} to preload (models: {Quote.Text(string.Join(", ", models), 200)}, or all)");
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
                    $"model {Quote.Value(model.Name)} ({UnitFormat.Format(model.Size, UnitKind.Size)}) is larger than an edge cache ({UnitFormat.Format(capacity, UnitKind.Size)}), so no edge could ever hold it (expected at most base_stations.server.cache.capacity)");
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
