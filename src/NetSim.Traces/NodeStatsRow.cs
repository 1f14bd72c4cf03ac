namespace NetSim.Traces;

/// <summary>One row of <c>node_stats</c>: a measured node of a run.</summary>
/// <param name="Node">The node's name (<c>edge:K</c>, <c>uplink:K</c>, <c>backhaul:K</c>, <c>cloud</c>).</param>
/// <param name="Kind"><c>server</c>, <c>uplink</c>, <c>backhaul</c> or <c>cloud</c>.</param>
/// <param name="Values">The numeric columns by name, NULL as NaN.</param>
public sealed record NodeStatsRow(string Node, string Kind, IReadOnlyDictionary<string, double> Values);
