using NetSim.Network.Scenario.Config;

namespace NetSim.Network.Scenario;

/// <summary>A loaded and validated scenario.</summary>
/// <param name="Path">The file as the user named it.</param>
/// <param name="Config">The typed configuration (SI units).</param>
/// <param name="ResolvedYaml">The scenario after includes and overrides: what a run stores and hashes.</param>
/// <param name="Sha256">Hex SHA-256 of <paramref name="ResolvedYaml"/>.</param>
/// <param name="Overrides">The <c>--set</c> overrides applied, in order.</param>
public sealed record Scenario(string Path, ScenarioConfig Config, string ResolvedYaml, string Sha256, IReadOnlyList<string> Overrides)
{
    /// <summary>Scenario name: the <c>name</c> key, else the file name without extension.</summary>
    public string Name => Config.Name.Length > 0 ? Config.Name : System.IO.Path.GetFileNameWithoutExtension(Path);

    /// <summary>Directory of the scenario file, for relative paths inside it.</summary>
    public string Directory => System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path)) ?? ".";
}
