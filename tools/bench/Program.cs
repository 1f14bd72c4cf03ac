using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using NetSim.Bench;
using NetSim.Bench.Optimal;
using NetSim.Bench.Workloads;

// netsim-bench [--json] [--quick] [--only NAME]: median of several repetitions after a warm-up.
// netsim-bench --optimal [--quick]: the epoch-optimum section (exhaustive, CP-SAT, optimality gaps).
if (args.Contains("--optimal"))
{
    OptimalBench.Run(args.Contains("--quick"));
    return;
}

// netsim-bench --sca-kkt: the sca-kkt optimiser at N = 30 and N = 1,000 instead.
if (args.Contains("--sca-kkt"))
{
    ScaKktBenchmark.Run();
    return;
}

// netsim-bench --o1 [--cap SECONDS] [--quick]: the overload case, admission control and grants on and off, each run capped in wall time.
if (args.Contains("--o1"))
{
    OverloadBenchmark.Run(args);
    return;
}

// netsim-bench --sweep [--tasks N] [--netsim PATH]: the built netsim sweep's wall time and peak memory at --jobs 1 and 2.
if (args.Contains("--sweep"))
{
    SweepBenchmark.Run(args);
    return;
}

// netsim-bench --c1 [--sizes 1000,10000,100000] [--tasks-per-ue N] [--netsim PATH] [--set KEY=VALUE]...: the city-scale case, CPU per task, peak memory and mean latency of the built netsim run.
if (args.Contains("--c1"))
{
    CityBenchmark.Run(args);
    return;
}

var json = args.Contains("--json");
var quick = args.Contains("--quick");
var onlyIndex = Array.IndexOf(args, "--only");
var only = onlyIndex >= 0 && onlyIndex + 1 < args.Length ? args[onlyIndex + 1] : null;
var scale = quick ? 0.1 : 1.0;
var repetitions = quick ? 3 : 5;

IWorkload[] workloads =
[
    new TimeoutsWorkload(),
    new MM1Workload(),
    new MM10PipelineWorkload(),
    new WorldWorkload("N1-quickstart-1M", "quickstart.yaml", tasksPerSecond: 50, tasks: 1_000_000),
    new WorldWorkload(
        "M1-quickstart-rwp-1M",
        "quickstart.yaml",
        tasksPerSecond: 50,
        tasks: 1_000_000,
        "ues.mobility.kind=random_waypoint",
        "ues.mobility.speed_min=20",
        "ues.mobility.speed_max=30",
        "ues.mobility.update=100ms"),
    new WorldWorkload(
        "N2-10k-ues-50-bs",
        "quickstart.yaml",
        tasksPerSecond: 100,
        tasks: 500_000,
        "ues.count=10000",
        "ues.placement.radius=3km",
        "ues.arrivals.rate=0.01/s",
        "base_stations.count=50",
        "base_stations.placement.width=6km",
        "base_stations.placement.height=6km"),
    new ProcessorSharingOverloadWorkload("O2-ps-load-0.99", load: 0.99, seconds: 100_000),
    new ProcessorSharingOverloadWorkload("O2-ps-load-2.0", load: 2.0, seconds: 50_000),
];

if (!json)
{
    Console.WriteLine($"{"workload",-22} {"units/s",12} {"events/s",12} {"baseline/s",12} {"ratio",6} {"B/event",8}  theory");
}

foreach (var workload in workloads.Where(w => only is null || w.Name.StartsWith(only, StringComparison.Ordinal)))
{
    workload.Run(scale / 10);
    var runs = new List<(double Seconds, WorkloadResult Result, long Allocated)>();
    for (var r = 0; r < repetitions; r++)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        var result = workload.Run(scale);
        var seconds = watch.Elapsed.TotalSeconds;
        runs.Add((seconds, result, GC.GetAllocatedBytesForCurrentThread() - before));
    }

    var median = runs.OrderBy(x => x.Seconds).ElementAt(runs.Count / 2);
    var items = median.Result.Events;
    var baselines = Enumerable.Range(0, repetitions).Select(_ => Baseline.Run(items)).Order().ToList();
    var baselineRate = baselines[baselines.Count / 2];
    var eventRate = median.Result.Events / median.Seconds;
    var record = new Dictionary<string, object>
    {
        ["name"] = workload.Name,
        ["events"] = median.Result.Events,
        ["seconds"] = Math.Round(median.Seconds, 4),
        ["rate"] = Math.Round(median.Result.Units / median.Seconds),
        ["unit"] = median.Result.UnitName,
        ["event_rate"] = Math.Round(eventRate),
        ["baseline_rate"] = Math.Round(baselineRate),
        ["ratio"] = Math.Round(eventRate / baselineRate, 3),
        ["allocated_bytes_per_event"] = Math.Round((double)median.Allocated / median.Result.Events, 1),
    };
    foreach (var (key, value) in median.Result.Theory)
    {
        record[key] = Math.Round(value, 4);
    }

    if (json)
    {
        Console.WriteLine(JsonSerializer.Serialize(record));
    }
    else
    {
        var theory = string.Join(" ", median.Result.Theory.Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key}={kv.Value:G4}")));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{workload.Name,-22} {median.Result.Units / median.Seconds,12:N0} {eventRate,12:N0} {baselineRate,12:N0} {eventRate / baselineRate,6:F2} {record["allocated_bytes_per_event"],8}  {theory}"));
    }
}
