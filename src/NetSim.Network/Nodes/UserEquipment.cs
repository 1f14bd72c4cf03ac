using NetSim.Network.Compute;
using NetSim.Network.Geometry;

namespace NetSim.Network.Nodes;

/// <summary>A user device: where tasks are born, with a FIFO processor of its own.</summary>
internal sealed class UserEquipment(int index, Point position, double txPowerW, double kappa, ComputeNode processor)
{
    public int Index { get; } = index;

    /// <summary>Where it stands now (a moving UE: where it was when last placed, see <see cref="World"/>).</summary>
    public Point Position { get; set; } = position;

    /// <summary>Transmit power, watts.</summary>
    public double TxPowerW { get; } = txPowerW;

    /// <summary>Energy per operation is <c>Kappa * f^2</c> joules at processor rate f.</summary>
    public double Kappa { get; } = kappa;

    public ComputeNode Processor { get; } = processor;
}
