namespace NetSim.Traces;

/// <summary>One row of <c>runs</c>.</summary>
/// <param name="RunId">Run id.</param>
/// <param name="Scenario">Scenario name or path.</param>
/// <param name="ScenarioSha256">Hash of the resolved scenario.</param>
/// <param name="Policy">Policy name.</param>
/// <param name="Seed">Root seed of the replication.</param>
/// <param name="Replication">Replication index.</param>
/// <param name="Params">JSON of overrides and sweep values.</param>
/// <param name="Status">running, complete, failed or interrupted.</param>
/// <param name="SimTime">Simulated seconds at the end, or NaN.</param>
/// <param name="Events">Kernel events processed.</param>
/// <param name="WallSeconds">Wall-clock seconds, or NaN.</param>
/// <param name="Message">Failure message, or null.</param>
public sealed record RunRow(long RunId, string Scenario, string ScenarioSha256, string Policy, ulong Seed, int Replication, string Params, string Status, double SimTime, long Events, double WallSeconds, string? Message)
{
    /// <summary>The run's identity key (<see cref="RunKey"/>), from its columns.</summary>
    public string Key => RunKey.Of(ScenarioSha256, Params, Policy, Replication, Seed);
}
