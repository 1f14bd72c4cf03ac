namespace NetSim.Policies.Tests.Support;

/// <summary>Paths in the repository, found from the test's output folder.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Scenarios => Path.Combine(Root, "scenarios");

    /// <summary>Every scenario file shipped under scenarios/, relative to it, in ordinal order.</summary>
    public static IEnumerable<string> ShippedScenarios() =>
        Directory.EnumerateFiles(Scenarios, "*.yaml", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(Scenarios, p))
            .Order(StringComparer.Ordinal);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NetSim.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("NetSim.sln not found above the test folder");
    }
}
