namespace NetSim.Network.Tests.Scenario;

/// <summary>Scenario files written to a temporary folder for one test.</summary>
internal sealed class TempScenario : IDisposable
{
    public TempScenario() => Directory.CreateDirectory(Dir);

    public string Dir { get; } = Path.Combine(Path.GetTempPath(), "netsim-scn-" + Guid.NewGuid().ToString("N"));

    public string Write(string name, string text)
    {
        var path = Path.Combine(Dir, name);
        File.WriteAllText(path, text.Replace("\r\n", "\n", StringComparison.Ordinal));
        return path;
    }

    public void Dispose() => Directory.Delete(Dir, recursive: true);
}
