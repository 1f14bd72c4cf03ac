namespace NetSim.Network.Recording;

/// <summary>What identifies a run: one replication of one scenario under one policy.</summary>
/// <param name="Scenario">Scenario name or path as the user gave it.</param>
/// <param name="ScenarioSha256">Hex SHA-256 of the fully resolved scenario text.</param>
/// <param name="ScenarioYaml">The fully resolved scenario (includes and overrides applied).</param>
/// <param name="Policy">Policy name.</param>
/// <param name="Seed">Root seed of the replication.</param>
/// <param name="Replication">Replication index, from 0.</param>
/// <param name="ParamsJson">JSON object of the overrides and sweep values.</param>
public sealed record RunInfo(string Scenario, string ScenarioSha256, string ScenarioYaml, string Policy, ulong Seed, int Replication, string ParamsJson);
