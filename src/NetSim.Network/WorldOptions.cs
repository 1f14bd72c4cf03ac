using NetSim.Network.Scheduling;
using NetSim.Network.Tasks;

namespace NetSim.Network;

/// <summary>World-wide switches, in SI units.</summary>
/// <param name="Epoch">When the scheduler decides.</param>
/// <param name="Slot">Slot length for <see cref="EpochKind.Slot"/>, seconds.</param>
/// <param name="PartialOffloading">Whether offload ratios strictly between 0 and 1 are allowed.</param>
/// <param name="DropAtDeadline">Whether a task is dropped when its deadline passes.</param>
/// <param name="PolicyShare">Whether the policy sets bandwidth shares.</param>
/// <param name="Quality">Diffusion quality law.</param>
/// <param name="Downlink">Whether results return over a downlink.</param>
/// <param name="DownlinkRate">Downlink rate, bit/s.</param>
/// <param name="ResultBits">Result size, bits.</param>
public sealed record WorldOptions(
    EpochKind Epoch,
    double Slot,
    bool PartialOffloading,
    bool DropAtDeadline,
    bool PolicyShare,
    Quality Quality,
    bool Downlink,
    double DownlinkRate,
    double ResultBits);
