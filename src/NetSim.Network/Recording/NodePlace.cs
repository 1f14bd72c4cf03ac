namespace NetSim.Network.Recording;

/// <summary>Where a node of the world stands, as the trace database's <c>nodes</c> table stores it.</summary>
/// <param name="Node">Node name: <c>ue:N</c> for a user equipment, <c>edge:K</c> for a base station and its server, <c>cloud</c>.</param>
/// <param name="Kind"><c>ue</c>, <c>station</c> or <c>cloud</c>.</param>
/// <param name="X">East coordinate in metres (NaN for the cloud, which has no place in the plane).</param>
/// <param name="Y">North coordinate in metres (NaN for the cloud).</param>
public readonly record struct NodePlace(string Node, string Kind, double X, double Y);
