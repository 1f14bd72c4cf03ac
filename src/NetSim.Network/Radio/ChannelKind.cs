namespace NetSim.Network.Radio;

/// <summary>How uplink rates are found.</summary>
public enum ChannelKind
{
    /// <summary>Shannon rate of the SINR over the bandwidth share (Zhou et al., Sec. III-B).</summary>
    Shannon,

    /// <summary>Every upload gets a fixed rate: no sharing, no interference (for queueing studies).</summary>
    Ideal,
}
