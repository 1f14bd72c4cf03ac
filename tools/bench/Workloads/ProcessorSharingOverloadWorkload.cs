using System.Diagnostics;
using System.Globalization;
using NetSim.Network.Building;
using NetSim.Network.Policies;
using NetSim.Network.Recording;
using NetSim.Network.Scenario;

namespace NetSim.Bench.Workloads;

/// <summary>
/// O2: one edge server with processor sharing at load <paramref name="load"/> (the queueing
/// scenarios' base: one UE, Poisson tasks of Exp(1 s) work, an ideal uplink) for a fixed simulated
/// time, without draining. At a load of 2 the jobs the server holds grow by one per second; a
/// server whose events cost O(jobs) slows down as they pile up. The world is stepped event by
/// event with a clock read every 1,024 events; the time per event over the first and the last
/// 10% of the events (the median window, and the ratio of the means), and their ratio, are the
/// figures (goal: the end within 2x of the start).
/// </summary>
internal sealed class ProcessorSharingOverloadWorkload(string name, double load, double seconds) : IWorkload
{
    private const int Stride = 1024;

    public string Name { get; } = name;

    public WorkloadResult Run(double scale)
    {
        var duration = seconds * scale;
        var sets = new[]
        {
            "base_stations.server.discipline=ps",
            string.Create(CultureInfo.InvariantCulture, $"ues.arrivals.rate={load}/s"),
            string.Create(CultureInfo.InvariantCulture, $"duration={duration}s"),
            string.Create(CultureInfo.InvariantCulture, $"max_time={duration}s"),
            "drain=false",
        };
        var loaded = ScenarioLoader.Load(Path.Combine(WorldWorkload.Root(), "scenarios", "queueing", "base.yaml"), sets);
        if (!loaded.Ok)
        {
            throw new InvalidOperationException(loaded.Report("queueing/base.yaml"));
        }

        var run = WorldBuilder.Build(ScenarioMapper.ToSpec(loaded.Scenario!, 1), _ => new NearestPolicy(), NullRecorder.Instance);
        var sim = run.World.Simulation;
        run.Start();
        var stamps = new List<long> { Stopwatch.GetTimestamp() };
        var sinceStamp = 0;
        while (sim.Peek() < duration)
        {
            sim.Step();
            if (++sinceStamp == Stride)
            {
                sinceStamp = 0;
                stamps.Add(Stopwatch.GetTimestamp());
            }
        }

        var held = run.World.Alive;
        var windows = stamps.Count - 1;
        var tenth = Math.Max(1, windows / 10);
        var (start, startMean) = NsPerEvent(stamps, 0, tenth);
        var (end, endMean) = NsPerEvent(stamps, windows - tenth, tenth);
        return new WorkloadResult(sim.ProcessedEvents, run.World.Created, "tasks", new Dictionary<string, double>
        {
            ["start_ns_per_event"] = start,
            ["end_ns_per_event"] = end,
            ["end_over_start"] = end / start,
            ["end_over_start_mean"] = endMean / startMean,
            ["tasks_alive_at_end"] = held,
        });
    }

    /// <summary>
    /// Nanoseconds per event over <paramref name="count"/> windows of <see cref="Stride"/> events
    /// from window <paramref name="first"/>: the median window (robust to the other processes of a
    /// shared machine taking the core for a moment) and the mean (garbage collections included).
    /// </summary>
    private static (double Median, double Mean) NsPerEvent(List<long> stamps, int first, int count)
    {
        var perEvent = new double[count];
        for (var i = 0; i < count; i++)
        {
            perEvent[i] = (stamps[first + i + 1] - stamps[first + i]) * 1e9 / Stopwatch.Frequency / Stride;
        }

        Array.Sort(perEvent);
        return (perEvent[count / 2], perEvent.Average());
    }
}
