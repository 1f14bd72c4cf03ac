using NetSim.Kernel.Resources;
using NetSim.Network.Tasks;

namespace NetSim.Network.Radio;

/// <summary>One uplink transmission from a UE to a base station; the channel's shared-rate server keeps its progress.</summary>
internal sealed class Upload(SimTask task, int ue, int bs, double bits, double share, Action<Upload> onDone) : SharedRateJob
{
    public SimTask Task { get; } = task;

    public int Ue { get; } = ue;

    public int Bs { get; } = bs;

    /// <summary>Bits to send.</summary>
    public double Bits { get; } = bits;

    /// <summary>The whole offloaded input, bits (<see cref="Bits"/> unless a handover left this upload only part of it).</summary>
    public double InputBits { get; init; } = bits;

    /// <summary>Bandwidth share set by the policy, or NaN for an equal share.</summary>
    public double Share { get; } = share;

    public Action<Upload> OnDone { get; } = onDone;

    /// <summary>Time the upload started.</summary>
    public double Started { get; set; }

    /// <summary>Power radiated now, watts: the UE's transmit power over its uploads in progress.</summary>
    public double PowerW { get; set; }

    /// <summary>Linear path gain (with shadowing, without fading) of its UE to its station, set when it starts.</summary>
    public double PathGain { get; set; }

    /// <summary>Energy radiated, joules, once the upload has ended or been cancelled.</summary>
    public double EnergyJ { get; set; }

    /// <summary>The channel's per-upload energy count of the UE when this upload started.</summary>
    internal double EnergyMark { get; set; }

    /// <summary>Position in the channel's list of uploads to its station (0 on the ideal channel), or -1 when not in progress.</summary>
    internal int Slot { get; set; } = -1;

    /// <summary>Ideal channel: bumped to make a scheduled completion stale.</summary>
    internal int Version { get; set; }

    /// <summary>Ideal channel: the version the pending completion was scheduled with.</summary>
    internal int ScheduledVersion { get; set; }
}
