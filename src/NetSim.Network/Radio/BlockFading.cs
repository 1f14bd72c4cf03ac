namespace NetSim.Network.Radio;

/// <summary>
/// Rayleigh block fading: a power gain |h|^2 ~ Exp(1) for each UE-base station pair, constant over
/// block k = [k L, (k + 1) L) and drawn as a fixed function of the seed, the pair and k, so the same
/// value serves a UE's own upload and the interference it causes, in whatever order they are read.
/// With a block length of zero there is no fading (a gain of 1).
/// </summary>
internal sealed class BlockFading(double blockLength, ulong seed)
{
    /// <summary>Whether the channel fades at all.</summary>
    public bool Enabled => blockLength > 0;

    /// <summary>The current block, -1 before the first move.</summary>
    public long Block { get; private set; } = -1;

    /// <summary>Start of the next block, where the gains change.</summary>
    public double NextBoundary => (Block + 1) * blockLength;

    /// <summary>
    /// Moves to the block holding <paramref name="now"/>; true when it changed. Boundaries are
    /// counted, k L for each k, never found by dividing the clock, whose quotient can fall short of
    /// a boundary (0.29 / 0.01 = 28.999...) and leave a timer re-armed at one instant forever.
    /// </summary>
    public bool MoveTo(double now)
    {
        var block = Block;
        while ((block + 1) * blockLength <= now)
        {
            block++;
        }

        var changed = block != Block;
        Block = block;
        return changed;
    }

    /// <summary>The power gain of <paramref name="ue"/> to <paramref name="bs"/> in the current block.</summary>
    public double Gain(int ue, int bs)
    {
        if (!Enabled)
        {
            return 1.0;
        }

        var key = seed ^ ((ulong)ue * 0x9E3779B97F4A7C15UL) ^ ((ulong)bs * 0xC2B2AE3D27D4EB4FUL) ^ ((ulong)Block * 0x165667B19E3779F9UL);
        var bits = SplitMix(SplitMix(key));
        var uniform = ((bits >> 11) + 0.5) * (1.0 / (1UL << 53));
        return -Math.Log(uniform);
    }

    private static ulong SplitMix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
