namespace NetSim.Learning.Tests;

/// <summary>Where the repository's files are, found from the test assembly's folder.</summary>
internal static class Repository
{
    /// <summary>The shipped scenarios folder.</summary>
    public static string Scenarios { get; } = Path.Combine(Root(), "scenarios");

    /// <summary>This project's scenarios.</summary>
    public static string TestScenarios { get; } = Path.Combine(Root(), "tests", "NetSim.Learning.Tests", "Scenarios");

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NetSim.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("NetSim.sln not found above the test folder");
    }
}
