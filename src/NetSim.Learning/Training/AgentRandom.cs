using System.Numerics;

namespace NetSim.Learning.Training;

/// <summary>
/// An agent's exploration randomness (xoshiro256**), seeded from the run's <c>policy</c> stream,
/// whose state a checkpoint saves so that a resumed run draws what an uninterrupted one would.
/// </summary>
public sealed class AgentRandom
{
    private readonly ulong[] _s = new ulong[4];

    /// <summary>A generator seeded through SplitMix64 from <paramref name="seed"/>.</summary>
    public AgentRandom(ulong seed)
    {
        var x = seed;
        for (var i = 0; i < 4; i++)
        {
            x += 0x9E3779B97F4A7C15UL;
            var z = x;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            _s[i] = z ^ (z >> 31);
        }
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextULong()
    {
        var result = BitOperations.RotateLeft(_s[1] * 5, 7) * 9;
        var t = _s[1] << 17;
        _s[2] ^= _s[0];
        _s[3] ^= _s[1];
        _s[1] ^= _s[2];
        _s[0] ^= _s[3];
        _s[2] ^= t;
        _s[3] = BitOperations.RotateLeft(_s[3], 45);
        return result;
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, <paramref name="count"/>).</summary>
    public int Next(int count) => (int)(NextDouble() * count);

    /// <summary>Standard normal (Box-Muller, one value per call).</summary>
    public double NextGaussian()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>Writes the state.</summary>
    public void Save(BinaryWriter writer)
    {
        foreach (var s in _s)
        {
            writer.Write(s);
        }
    }

    /// <summary>Reads a state written by <see cref="Save"/>.</summary>
    public void Load(BinaryReader reader)
    {
        for (var i = 0; i < 4; i++)
        {
            _s[i] = reader.ReadUInt64();
        }
    }
}
