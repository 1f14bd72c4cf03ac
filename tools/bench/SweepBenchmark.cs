using System.Diagnostics;
using System.Globalization;

namespace NetSim.Bench;

/// <summary>
/// <c>netsim-bench --sweep [--tasks N] [--netsim PATH]</c>: the built <c>netsim sweep</c> on the
/// quickstart scaled to N tasks a run (default 1,000,000), four replications under the nearest
/// policy with <c>--trace tasks</c>, once with <c>--jobs 1</c> and once with <c>--jobs 2</c>. It
/// prints each sweep's wall time, task throughput and the child process's peak resident memory
/// (VmHWM of /proc, read until it exits). Build netsim first
/// (<c>dotnet build src/NetSim.Cli -c Release</c>), or name another build with --netsim.
/// </summary>
internal static class SweepBenchmark
{
    private const int Runs = 4;

    public static void Run(string[] args)
    {
        var tasks = BenchArgs.Value(args, "--tasks") is { } t ? long.Parse(t, CultureInfo.InvariantCulture) : 1_000_000;
        var root = BenchArgs.Root();
        var netsim = BenchArgs.Value(args, "--netsim") ?? Path.Combine(root, "src", "NetSim.Cli", "bin", "Release", "net10.0", "netsim.dll");
        if (!File.Exists(netsim))
        {
            Console.Error.WriteLine($"netsim-bench: {netsim} does not exist; build it with: dotnet build src/NetSim.Cli -c Release");
            Environment.Exit(2);
        }

        var work = Path.Combine(Path.GetTempPath(), "netsim-bench-sweep-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            // The quickstart makes 50 tasks a simulated second.
            var duration = (tasks / 50.0).ToString("R", CultureInfo.InvariantCulture);
            var scenario = Path.Combine(work, "sweep.yaml");
            File.WriteAllText(scenario, $"include: {Path.Combine(root, "scenarios", "quickstart.yaml")}\nduration: {duration}s\nmax_time: 100000000s\npolicy: nearest\nsweep:\n  replications: {Runs}\n");
            Console.WriteLine($"{"sweep",-28} {"wall s",8} {"tasks/s",10} {"peak MB",8}");
            var rates = new Dictionary<int, double>();
            foreach (var jobs in new[] { 1, 2 })
            {
                var db = Path.Combine(work, $"jobs{jobs}.db");
                var (seconds, peak, exit) = Measure(netsim, work, ["sweep", scenario, "--jobs", $"{jobs}", "--trace", "tasks", "--out", db]);
                if (exit != 0)
                {
                    Console.Error.WriteLine($"netsim-bench: netsim sweep --jobs {jobs} exited {exit}");
                    Environment.Exit(1);
                }

                rates[jobs] = Runs * tasks / seconds;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{$"{Runs} x {tasks:N0} tasks, --jobs {jobs}",-28} {seconds,8:F1} {rates[jobs],10:N0} {peak / 1e6,8:F0}"));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"--jobs 2 over --jobs 1: {rates[2] / rates[1]:F2}x on {Environment.ProcessorCount} cores (load average before: {File.ReadAllText("/proc/loadavg").Split(' ')[0]})"));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>Runs <c>dotnet NETSIM ARGS</c>; wall seconds, peak resident bytes and exit code.</summary>
    private static (double Seconds, long PeakBytes, int Exit) Measure(string netsim, string work, string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = work, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(netsim);
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        long peak = 0;
        var status = $"/proc/{process.Id}/status";
        while (!process.WaitForExit(100))
        {
            peak = Math.Max(peak, HighWaterMark(status));
        }

        var seconds = watch.Elapsed.TotalSeconds;
        _ = stdout.Result;
        if (process.ExitCode != 0)
        {
            Console.Error.WriteLine(stderr.Result);
        }

        return (seconds, peak, process.ExitCode);
    }

    /// <summary>VmHWM (the peak resident set) of a running process, in bytes; 0 once it is gone.</summary>
    private static long HighWaterMark(string status)
    {
        try
        {
            foreach (var line in File.ReadLines(status))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
        }

        return 0;
    }
}
