namespace NetSim.Network.Metrics;

/// <summary>What a paired difference says about two policies at the 95% level.</summary>
public enum PairedVerdict
{
    /// <summary>Fewer than two common replications: no interval.</summary>
    TooFewReplications,

    /// <summary>The whole interval of A minus B is below zero.</summary>
    Lower,

    /// <summary>The whole interval of A minus B is above zero.</summary>
    Higher,

    /// <summary>The interval contains zero: no difference the replications can resolve.</summary>
    Tie,
}

/// <summary>
/// A minus B over the replications both have a value for. Replication r gives every policy the same
/// world (common random numbers), so the per-replication differences are paired and their mean has
/// the Student-t interval of <see cref="ConfidenceInterval"/>, narrower than the two means' intervals
/// suggest.
/// </summary>
public static class PairedDifference
{
    /// <summary>
    /// The mean of <paramref name="a"/>[r] minus <paramref name="b"/>[r] over every replication r
    /// with a value (not NaN) in both, with its Student-t half-width at <paramref name="level"/>.
    /// </summary>
    public static ConfidenceInterval Of(IReadOnlyDictionary<int, double> a, IReadOnlyDictionary<int, double> b, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var differences = a.Keys.Order()
            .Where(r => b.TryGetValue(r, out var y) && !double.IsNaN(y) && !double.IsNaN(a[r]))
            .Select(r => a[r] - b[r]);
        return ConfidenceInterval.Of(differences, level);
    }

    /// <summary>Whether the interval <paramref name="difference"/> lies below zero, above it, or contains it.</summary>
    public static PairedVerdict Verdict(ConfidenceInterval difference)
    {
        if (difference.Count < 2 || double.IsNaN(difference.HalfWidth))
        {
            return PairedVerdict.TooFewReplications;
        }

        if (difference.Mean + difference.HalfWidth < 0)
        {
            return PairedVerdict.Lower;
        }

        return difference.Mean - difference.HalfWidth > 0 ? PairedVerdict.Higher : PairedVerdict.Tie;
    }
}
