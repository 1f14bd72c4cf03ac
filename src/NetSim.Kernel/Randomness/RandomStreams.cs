using System.Text;

namespace NetSim.Kernel.Randomness;

/// <summary>
/// Named random streams derived from one root seed. A stream's seed depends only on the root seed
/// and its name (a stable FNV-1a hash, never <see cref="string.GetHashCode()"/>), so adding an
/// entity and its streams leaves every other stream's draws unchanged. Asking twice for a name
/// returns the same stream.
/// </summary>
public sealed class RandomStreams
{
    private readonly Dictionary<string, RandomStream> _streams = new(StringComparer.Ordinal);

    /// <summary>Streams derived from <paramref name="rootSeed"/>.</summary>
    public RandomStreams(ulong rootSeed) => RootSeed = rootSeed;

    /// <summary>The root seed.</summary>
    public ulong RootSeed { get; }

    /// <summary>The stream called <paramref name="name"/> (created on first use).</summary>
    public RandomStream Get(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!_streams.TryGetValue(name, out var stream))
        {
            stream = new RandomStream(name, SeedOf(RootSeed, name));
            _streams.Add(name, stream);
        }

        return stream;
    }

    /// <summary>The 64-bit seed of stream <paramref name="name"/> under <paramref name="rootSeed"/>.</summary>
    public static ulong SeedOf(ulong rootSeed, string name)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(name))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        var state = rootSeed ^ hash;
        return RandomStream.SplitMix64(ref state);
    }

    /// <summary>A root seed for replication <paramref name="replication"/> of a run rooted at <paramref name="rootSeed"/>.</summary>
    public static ulong Replication(ulong rootSeed, int replication) => SeedOf(rootSeed, $"replication/{replication}");
}
