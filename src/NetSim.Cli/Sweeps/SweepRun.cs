using NetSim.Network.Scenario;
using NetSim.Traces;

namespace NetSim.Cli.Sweeps;

/// <summary>One run of a sweep: a grid point under a policy in one replication.</summary>
/// <param name="Index">Position in the sweep's run list, from 0 (the same for every --jobs and --shard).</param>
/// <param name="Point">Index of the grid point.</param>
/// <param name="Scenario">The scenario with the grid point's values and the --set overrides applied.</param>
/// <param name="Grid">The grid point's values, key path to YAML text, in the sweep block's order.</param>
/// <param name="Policy">Policy name.</param>
/// <param name="Replication">Replication index, from 0.</param>
/// <param name="Seed">Replication seed: derived from the root seed and the replication only, so every
/// policy and grid point of replication r sees the same positions and arrivals.</param>
/// <param name="ParamsJson">JSON object of the --set overrides and the grid values (the runs.params column).</param>
internal sealed record SweepRun(int Index, int Point, Scenario Scenario, IReadOnlyList<KeyValuePair<string, string>> Grid, string Policy, int Replication, ulong Seed, string ParamsJson)
{
    /// <summary>The grid values as <c>key=value</c>, or <c>(base)</c> without a grid.</summary>
    public string PointLabel => Grid.Count == 0 ? "(base)" : string.Join(", ", Grid.Select(g => $"{g.Key}={g.Value}"));

    /// <summary>The run's identity key (<see cref="RunKey"/>).</summary>
    public string Key => RunKey.Of(Scenario.Sha256, ParamsJson, Policy, Replication, Seed);

    /// <summary>Policy, grid point and replication, for messages.</summary>
    public string Label => $"{Policy}, {PointLabel}, replication {Replication}";
}
