using System.Diagnostics;
using System.Globalization;
using NetSim.Network.Building;
using NetSim.Network.Policies;
using NetSim.Network.Recording;
using NetSim.Network.Scenario;

namespace NetSim.Bench;

/// <summary>
/// O1, the overload case of issue 16: 1,000 UEs offloading to four base stations with 20 MHz
/// Shannon uplinks at about twice what the uplinks and servers can carry, with FIFO and with
/// processor-sharing servers, each with admission control and bounded grants on and off. Every run
/// has a wall-clock cap; a run that reaches it is reported as not finished, so the benchmark ends.
/// </summary>
internal static class OverloadBenchmark
{
    /// <summary>The world: the quickstart at 1,000 UEs, 0.5 tasks/s each, 4 stations, 60 s of arrivals.</summary>
    private static readonly string[] World =
    [
        "ues.count=1000",
        "ues.placement.radius=1km",
        "ues.arrivals.rate=0.5/s",
        "base_stations.count=4",
        "base_stations.placement.width=1400m",
        "base_stations.placement.height=1400m",
        "base_stations.bandwidth=20MHz",
        "channel.kind=shannon",
        "duration=60s",
        "max_time=600s",
    ];

    /// <summary>Admission control and grants: 16 grants per cell, 16 tasks per server, the deadline check, refused tasks run on the device.</summary>
    private static readonly string[] Admission =
    [
        "base_stations.uplink.max_grants=16",
        "base_stations.admission.queue_tasks=16",
        "base_stations.admission.deadline=true",
        "base_stations.admission.fallback=local",
    ];

    /// <summary><c>netsim-bench --o1 [--cap SECONDS] [--quick]</c>: one run per variant, wall time and tasks per second.</summary>
    public static void Run(string[] args)
    {
        var capIndex = Array.IndexOf(args, "--cap");
        var cap = capIndex >= 0 && capIndex + 1 < args.Length ? double.Parse(args[capIndex + 1], CultureInfo.InvariantCulture) : 120;
        var quick = args.Contains("--quick");
        Console.WriteLine($"O1: 1,000 UEs, 4 cells of 20 MHz (Shannon), 0.5 tasks/s per UE for {(quick ? 6 : 60)} s; wall cap {cap} s per run");
        Console.WriteLine($"{"discipline",-10} {"admission+grants",-17} {"wall (s)",10} {"tasks",8} {"tasks/s",10} {"completed",10} {"rejected",9} {"events",12}");
        foreach (var discipline in new[] { "fifo", "ps" })
        {
            foreach (var admission in new[] { true, false })
            {
                var sets = World.Concat(admission ? Admission : []).Append($"base_stations.server.discipline={discipline}");
                if (quick)
                {
                    sets = sets.Append("duration=6s");
                }

                var loaded = ScenarioLoader.Load(Path.Combine(BenchArgs.Root(), "scenarios", "quickstart.yaml"), sets.ToArray());
                if (!loaded.Ok)
                {
                    throw new InvalidOperationException(loaded.Report("quickstart.yaml"));
                }

                var run = WorldBuilder.Build(ScenarioMapper.ToSpec(loaded.Scenario!, 1), _ => new NearestPolicy(), NullRecorder.Instance);
                using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(cap));
                var watch = Stopwatch.StartNew();
                var finished = run.Run(null, limit.Token);
                var wall = watch.Elapsed.TotalSeconds;
                var world = run.World;
                var label = admission ? "on" : "off";
                Console.WriteLine(finished
                    ? string.Create(CultureInfo.InvariantCulture, $"{discipline,-10} {label,-17} {wall,10:F2} {world.Created,8:N0} {world.Created / wall,10:N0} {world.CompletedCount,10:N0} {world.Rejected,9:N0} {world.Simulation.ProcessedEvents,12:N0}")
                    : string.Create(CultureInfo.InvariantCulture, $"{discipline,-10} {label,-17} did not finish in {cap} s (simulated time reached {world.Simulation.Now:F1} s of {run.Spec.Duration} s of arrivals; {world.Created:N0} tasks created, {world.CompletedCount:N0} completed)"));
            }
        }
    }
}
