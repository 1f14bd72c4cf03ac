using NetSim.Network.Compute;
using NetSim.Network.Geometry;

namespace NetSim.Network.Nodes;

/// <summary>A base station with its MEC server, model cache and backhaul to the cloud.</summary>
internal sealed class EdgeSite(int index, Point position, double bandwidthHz, double kappa, ComputeNode server, ModelCache cache, ComputeNode backhaul, double backhaulDelay)
{
    public int Index { get; } = index;

    public Point Position { get; } = position;

    /// <summary>Uplink bandwidth, hertz.</summary>
    public double BandwidthHz { get; } = bandwidthHz;

    /// <summary>Energy per operation is <c>Kappa * f^2</c> joules at core rate f.</summary>
    public double Kappa { get; } = kappa;

    public ComputeNode Server { get; } = server;

    public ModelCache Cache { get; } = cache;

    /// <summary>FIFO link to the cloud; work is bits, rate is bits per second.</summary>
    public ComputeNode Backhaul { get; } = backhaul;

    /// <summary>Propagation delay of the backhaul, seconds.</summary>
    public double BackhaulDelay { get; } = backhaulDelay;
}
