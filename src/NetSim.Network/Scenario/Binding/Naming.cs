using System.Text;

namespace NetSim.Network.Scenario.Binding;

/// <summary>Scenario names: properties and enum members in snake_case, and did-you-mean suggestions.</summary>
public static class Naming
{
    /// <summary><c>TxPower</c> becomes <c>tx_power</c>, <c>Pl0</c> becomes <c>pl0</c>.</summary>
    public static string Snake(string name)
    {
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0)
            {
                sb.Append('_');
            }

            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }

    /// <summary>
    /// The candidate closest to <paramref name="word"/>, if close enough to be a likely typo. A
    /// candidate whose length differs from the word's by more than the accepted distance is skipped
    /// unmeasured, so that a long word costs no more than a short one.
    /// </summary>
    public static string? Closest(string word, IEnumerable<string> candidates)
    {
        string? best = null;
        var accepted = Math.Max(2, word.Length / 3);
        var bestDistance = int.MaxValue;
        var lower = word.ToLowerInvariant();
        foreach (var candidate in candidates)
        {
            if (Math.Abs(candidate.Length - word.Length) > accepted)
            {
                continue;
            }

            var d = Distance(lower, candidate.ToLowerInvariant());
            if (d < bestDistance)
            {
                bestDistance = d;
                best = candidate;
            }
        }

        return best is not null && bestDistance <= accepted ? best : null;
    }

    /// <summary>Optimal string alignment distance (Damerau-Levenshtein with adjacent swaps).</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
