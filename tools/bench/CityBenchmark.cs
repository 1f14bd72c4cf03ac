using System.Diagnostics;
using System.Globalization;
using NetSim.Traces;

namespace NetSim.Bench;

/// <summary>
/// C1, the city-scale case of issue 19: the quickstart tiled at constant density, one base station
/// per 300 m x 300 m cell (the quickstart's spacing) on a grid and 5 UEs per cell uniform over the
/// same rectangle, at 1,000, 10,000 and 100,000 UEs (200, 2,000 and 20,000 stations), each UE
/// making the same number of tasks (Poisson at 5/s for a duration of tasks/5 seconds), run by the
/// built <c>netsim run</c> under the nearest policy with <c>--trace summary</c> and
/// <c>--trace tasks</c>. For each run it prints the CPU time of the whole process (user and
/// system, start-up and world build included, from /usr/bin/time), the wall time of the run alone
/// (the runs table), each over the tasks created, the peak resident memory and the mean latency of
/// the completed tasks; <c>--set KEY=VALUE</c> (repeatable) passes overrides to every run, e.g.
/// <c>--set channel.interference_tolerance=0</c> for the exact interference that the default's latency is compared with.
/// <c>netsim-bench --c1 [--sizes 1000,10000,100000] [--tasks-per-ue N] [--netsim PATH] [--set KEY=VALUE]...</c>.
/// Build netsim first (<c>dotnet build src/NetSim.Cli -c Release</c>), or name another build with --netsim.
/// </summary>
internal static class CityBenchmark
{
    /// <summary>Side of one cell, metres.</summary>
    private const double Cell = 300;

    public static void Run(string[] args)
    {
        var sizes = (BenchArgs.Value(args, "--sizes") ?? "1000,10000,100000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var perUe = BenchArgs.Value(args, "--tasks-per-ue") is { } t ? int.Parse(t, CultureInfo.InvariantCulture) : 20;
        var sets = args.Select((a, i) => (a, i)).Where(x => x.a == "--set" && x.i + 1 < args.Length).SelectMany(x => new[] { "--set", args[x.i + 1] }).ToArray();
        var root = BenchArgs.Root();
        var netsim = BenchArgs.Value(args, "--netsim") ?? Path.Combine(root, "src", "NetSim.Cli", "bin", "Release", "net10.0", "netsim.dll");
        if (!File.Exists(netsim))
        {
            Console.Error.WriteLine($"netsim-bench: {netsim} does not exist; build it with: dotnet build src/NetSim.Cli -c Release");
            Environment.Exit(2);
        }

        var work = Path.Combine(Path.GetTempPath(), "netsim-bench-c1-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            Console.WriteLine($"C1: the quickstart tiled, 5 UEs per {Cell:F0} m cell, {perUe} tasks per UE on average (Poisson 5/s for {perUe / 5.0:G} s), nearest policy; load average before: {File.ReadAllText("/proc/loadavg").Split(' ')[0]} on {Environment.ProcessorCount} cores");
            Console.WriteLine($"{"UEs",8} {"stations",8} {"trace",8} {"tasks",10} {"events",12} {"CPU s",8} {"CPU us/task",11} {"run s",8} {"run us/task",11} {"peak MB",8} {"latency ms",10}");
            foreach (var ues in sizes)
            {
                var stations = ues / 5;
                var columns = (int)Math.Ceiling(Math.Sqrt(stations));
                var rows = (int)Math.Ceiling((double)stations / columns);
                var scenario = Path.Combine(work, $"c1-{ues}.yaml");
                File.WriteAllText(scenario, string.Create(CultureInfo.InvariantCulture, $"""
                    include: {Path.Combine(root, "scenarios", "quickstart.yaml")}
                    duration: {perUe / 5.0:R}s
                    max_time: 3600s
                    policy: nearest
                    ues:
                      count: {ues}
                      placement: {"{"}kind: rectangle, center: [0m, 0m], width: {columns * Cell:R}m, height: {rows * Cell:R}m{"}"}
                    base_stations:
                      count: {stations}
                      placement: {"{"}kind: grid, center: [0m, 0m], width: {columns * Cell:R}m, height: {rows * Cell:R}m{"}"}

                    """));
                foreach (var trace in new[] { "summary", "tasks" })
                {
                    var db = Path.Combine(work, $"c1-{ues}-{trace}.db");
                    var (cpu, peak, exit) = Measure(netsim, work, ["run", scenario, "--trace", trace, "--out", db, .. sets]);
                    if (exit != 0)
                    {
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{ues,8:N0} {stations,8:N0} {trace,8} netsim run exited {exit} after {cpu:F1} s of CPU, peak {peak / 1e6:F0} MB"));
                        continue;
                    }

                    using var reader = new TraceReader(db);
                    var run = reader.Runs().Single();
                    var summary = reader.Summary(run.RunId);
                    var tasks = summary.GetValueOrDefault("tasks_created", double.NaN);
                    var latency = summary.GetValueOrDefault("mean_latency", double.NaN);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{ues,8:N0} {stations,8:N0} {trace,8} {tasks,10:N0} {run.Events,12:N0} {cpu,8:F1} {cpu / tasks * 1e6,11:F1} {run.WallSeconds,8:F1} {run.WallSeconds / tasks * 1e6,11:F1} {peak / 1e6,8:F0} {latency * 1e3,10:F3}"));
                }
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>Runs <c>/usr/bin/time dotnet NETSIM ARGS</c>; CPU seconds (user and system), peak resident bytes and exit code.</summary>
    private static (double CpuSeconds, long PeakBytes, int Exit) Measure(string netsim, string work, string[] args)
    {
        var usage = Path.Combine(work, "usage.txt");
        var info = new ProcessStartInfo("/usr/bin/time") { WorkingDirectory = work, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (string[])["-o", usage, "-f", "%U %S %M", "dotnet", netsim, .. args])
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        _ = stdout.Result;
        if (process.ExitCode != 0)
        {
            Console.Error.WriteLine(stderr.Result);
        }

        var fields = File.ReadAllLines(usage).Last().Split(' ');
        var cpu = double.Parse(fields[0], CultureInfo.InvariantCulture) + double.Parse(fields[1], CultureInfo.InvariantCulture);
        return (cpu, long.Parse(fields[2], CultureInfo.InvariantCulture) * 1024, process.ExitCode);
    }
}
