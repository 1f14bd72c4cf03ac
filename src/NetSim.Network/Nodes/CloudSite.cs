using NetSim.Network.Compute;

namespace NetSim.Network.Nodes;

/// <summary>The cloud: compute with every model, reached over the uplink and a backhaul.</summary>
internal sealed class CloudSite(double kappa, ComputeNode server)
{
    /// <summary>Energy per operation is <c>Kappa * f^2</c> joules at core rate f.</summary>
    public double Kappa { get; } = kappa;

    public ComputeNode Server { get; } = server;
}
