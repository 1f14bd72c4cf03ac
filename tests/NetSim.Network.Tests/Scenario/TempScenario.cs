using NetSim.Network.Scenario;

namespace NetSim.Network.Tests.Scenario;

/// <summary>Scenario files written to a temporary folder for one test.</summary>
internal sealed class TempScenario : IDisposable
{
    public TempScenario() => Directory.CreateDirectory(Dir);

    public string Dir { get; } = Path.Combine(Path.GetTempPath(), "netsim-scn-" + Guid.NewGuid().ToString("N"));

    public string Write(string name, string text)
    {
        var path = Path.Combine(Dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.Replace("\r\n", "\n", StringComparison.Ordinal));
        return path;
    }

    /// <summary>Loads <paramref name="name"/> from this folder.</summary>
    public ScenarioLoadResult Load(string name, params string[] overrides) => ScenarioLoader.Load(Path.Combine(Dir, name), overrides);

    /// <summary>The errors of loading <paramref name="name"/>, with file names relative to this folder.</summary>
    public IReadOnlyList<string> Errors(string name, params string[] overrides)
    {
        var result = Load(name, overrides);
        Assert.False(result.Ok, $"{name} loaded, but errors were expected");
        return result.Errors.Select(e => e.ToString().Replace(Dir + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal)).ToList();
    }

    public void Dispose() => Directory.Delete(Dir, recursive: true);
}
