namespace NetSim.Traces;

/// <summary>
/// One row of <c>sweep_plan</c>: a run that a sweep (or one shard of it) owns, recorded before any
/// of its runs starts so that <c>netsim merge</c> can tell a missing, partial or foreign shard and
/// <c>netsim sweep --resume</c> gives each run the id it would have had.
/// </summary>
/// <param name="Sweep">The sweep's identity: a hash of every run key of the whole plan, in order (the same in every shard).</param>
/// <param name="Scenario">The scenario file the sweep ran.</param>
/// <param name="Shard">Shard index, from 0.</param>
/// <param name="Shards">Number of shards.</param>
/// <param name="SweepRuns">Runs in the whole sweep.</param>
/// <param name="PlanIndex">The run's index in the whole sweep.</param>
/// <param name="RunId">The run's id in this database.</param>
/// <param name="RunKey">The run's identity key (<see cref="Traces.RunKey"/>).</param>
/// <param name="Label">Policy, grid point and replication, for messages.</param>
public sealed record PlanEntry(string Sweep, string Scenario, int Shard, int Shards, int SweepRuns, int PlanIndex, long RunId, string RunKey, string Label);
