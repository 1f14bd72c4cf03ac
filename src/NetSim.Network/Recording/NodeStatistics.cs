using NetSim.Kernel.Statistics;

namespace NetSim.Network.Recording;

/// <summary>One node's queue statistics over a run's measured interval, as the trace database's <c>node_stats</c> table stores them.</summary>
/// <param name="Node">Node name: <c>edge:K</c> (a station's server), <c>backhaul:K</c>, <c>uplink:K</c> (a station's uplink) or <c>cloud</c>.</param>
/// <param name="Kind"><c>server</c>, <c>backhaul</c>, <c>uplink</c> or <c>cloud</c>.</param>
/// <param name="Reading">The node's figures, from exact time integrals.</param>
public readonly record struct NodeStatistics(string Node, string Kind, QueueReading Reading);
