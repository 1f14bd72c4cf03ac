namespace NetSim.Bench;

/// <summary>What the benchmarks that start <c>netsim</c> share: their options and the repository they run in.</summary>
internal static class BenchArgs
{
    /// <summary>The value after option <paramref name="name"/>, or null when it is absent.</summary>
    public static string? Value(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    /// <summary>The repository's root: the nearest folder above the benchmark's binary holding NetSim.sln.</summary>
    public static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NetSim.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("run the benchmark from inside the repository");
    }
}
