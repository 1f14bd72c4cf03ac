using NetSim.Network.Geometry;

namespace NetSim.Network.Mobility;

/// <summary>How UEs move, which station serves each, and what a handover does, in SI units.</summary>
public sealed record MobilitySettings
{
    /// <summary>Every UE stands still (the default): no mobility events, no handovers.</summary>
    public static MobilitySettings Static { get; } = new();

    /// <summary>
    /// The trajectory of UE n from where it was placed and its own random stream
    /// (<c>ue/N/mobility</c>); null for a UE that stands still. Null: every UE stands still.
    /// </summary>
    public Func<int, Point, Random, Trajectory?>? Trajectory { get; init; }

    /// <summary>Seconds between position updates of the moving UEs (see docs/models.md, Mobility).</summary>
    public double Update { get; init; } = 0.1;

    /// <summary>How a UE's serving station is chosen.</summary>
    public AssociationRule Rule { get; init; } = AssociationRule.Strongest;

    /// <summary>How much stronger (dB) another station must be received than the serving one to take over, with <see cref="AssociationRule.Strongest"/>.</summary>
    public double HysteresisDb { get; init; }

    /// <summary>Seconds the handover condition must hold, at every update, before the handover.</summary>
    public double TimeToTrigger { get; init; }

    /// <summary>Seconds an upload is interrupted by a handover before it resumes at the new station.</summary>
    public double Interruption { get; init; }

    /// <summary>Whether an upload caught by a handover starts again from its first bit (else it continues with the bits left).</summary>
    public bool Restart { get; init; }

    /// <summary>Whether any UE may move.</summary>
    public bool Enabled => Trajectory is not null;
}

/// <summary>How a UE's serving station is chosen.</summary>
public enum AssociationRule
{
    /// <summary>The nearest station (distance only; no hysteresis).</summary>
    Nearest,

    /// <summary>The station with the highest mean received power (path gain), with a hysteresis margin.</summary>
    Strongest,
}
