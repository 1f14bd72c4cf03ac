using System.Globalization;

namespace NetSim.Cli.Sweeps;

/// <summary>Slice <see cref="Index"/> of <see cref="Count"/> (from 0) of a sweep's run list: a contiguous block, so merged shards keep the run order.</summary>
/// <param name="Index">Shard index, 0 to Count - 1.</param>
/// <param name="Count">Number of shards.</param>
internal readonly record struct Shard(int Index, int Count)
{
    /// <summary>The whole sweep.</summary>
    public static Shard All => new(0, 1);

    /// <summary>Parses <c>I/N</c> with 0 &lt;= I &lt; N; null and a message when it is not one.</summary>
    public static Shard? Parse(string text, out string? error)
    {
        error = null;
        var parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count >= 1 && index < count)
        {
            return new Shard(index, count);
        }

        error = $"--shard {text}: expected I/N with 0 <= I < N (for example 0/4 for the first of four shards)";
        return null;
    }

    /// <summary>First run index (inclusive) and end (exclusive) of this shard among <paramref name="runs"/> runs.</summary>
    public (int Start, int End) Range(int runs) => ((int)((long)Index * runs / Count), (int)((long)(Index + 1) * runs / Count));
}
