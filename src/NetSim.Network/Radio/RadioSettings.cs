namespace NetSim.Network.Radio;

/// <summary>Uplink parameters, in SI units.</summary>
/// <param name="Kind">Shannon or ideal.</param>
/// <param name="IdealRate">Rate of every upload on an ideal channel, bit/s.</param>
/// <param name="PathLoss">Path-loss law.</param>
/// <param name="NoiseW">Noise power sigma^2, watts.</param>
/// <param name="Interference">Whether uploads to other base stations interfere.</param>
/// <param name="PolicyShare">Whether bandwidth shares come from the policy (else equal shares).</param>
/// <param name="RayleighBlock">Coherence time of Rayleigh block fading, seconds; 0 for no fading.</param>
/// <param name="ShadowingDb">Standard deviation of log-normal shadowing, dB; 0 for none.</param>
/// <param name="PowerOverBand">
/// True: an upload's power, the noise and the interference are all taken over the whole band
/// whatever its share (the SINR of Zhou et al., eq. 2). False: each upload concentrates its power
/// on its share eta of the band, so noise and interference count only over that share and
/// SINR = p g / (eta (sigma^2 + I)). Either way an upload's power p is its UE's transmit power
/// split equally over the UE's uploads in progress.
/// </param>
/// <param name="InterferenceTolerance">
/// A UE counts at a base station (as an interferer, and in the gains kept) only where its mean
/// received power at full transmit power, with three standard deviations of favourable shadowing,
/// reaches this fraction of the noise power; 0 counts every UE at every station (exact).
/// </param>
public sealed record RadioSettings(
    ChannelKind Kind,
    double IdealRate,
    PathLoss PathLoss,
    double NoiseW,
    bool Interference,
    bool PolicyShare,
    double RayleighBlock,
    double ShadowingDb,
    bool PowerOverBand = false,
    double InterferenceTolerance = 0);
