namespace NetSim.Network.Metrics;

/// <summary>A completed task's creation time and latency, seconds: one point of a run's output series.</summary>
/// <param name="Created">Simulated time of creation.</param>
/// <param name="Latency">Completion minus creation.</param>
public readonly record struct LatencyPoint(double Created, double Latency);

/// <summary>The batch-means interval of a mean over one run.</summary>
/// <param name="Interval">Mean of the batch means with the 95% Student-t half-width over the batches.</param>
/// <param name="Lag1">Lag-1 autocorrelation of the batch means (NaN with fewer than three batches).</param>
/// <param name="BatchSize">Values per batch (the values left over after the last whole batch are not used).</param>
public readonly record struct BatchMeansResult(ConfidenceInterval Interval, double Lag1, int BatchSize)
{
    /// <summary>Above this |lag-1 autocorrelation| the batches are too short to be taken as independent.</summary>
    public const double CorrelatedAbove = 0.2;

    /// <summary>Whether the batch means are too correlated for the interval to be trusted.</summary>
    public bool TooCorrelated => Math.Abs(Lag1) > CorrelatedAbove;
}

/// <summary>
/// Steady-state output analysis of one run: the MSER-5 warm-up cut and batch means. Both read the
/// completed tasks' latencies in creation order.
/// </summary>
public static class SteadyState
{
    /// <summary>Values averaged into one MSER batch.</summary>
    public const int MserBatch = 5;

    /// <summary>
    /// The MSER-5 truncation of <paramref name="series"/> (sorted by creation): the latencies are
    /// averaged in batches of 5, Z_1..Z_k; for each d in [0, k/2] the statistic
    /// MSER(d) = sum_{j>d} (Z_j - mean(Z_{d+1..k}))^2 / (k - d)^2 is computed, and the d with the
    /// smallest is chosen (the first on a tie). Returns the creation time of the first task of batch
    /// d + 1 (0 when d is 0, or with fewer than two batches) and the tasks before it.
    /// </summary>
    public static (double Cut, int Tasks) MserCut(IReadOnlyList<LatencyPoint> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var k = series.Count / MserBatch;
        if (k < 2)
        {
            return (0, 0);
        }

        var z = new double[k];
        for (var j = 0; j < k; j++)
        {
            double sum = 0;
            for (var i = 0; i < MserBatch; i++)
            {
                sum += series[(j * MserBatch) + i].Latency;
            }

            z[j] = sum / MserBatch;
        }

        // Suffix sums give each candidate's mean and squared deviations in O(k).
        var suffix = new double[k + 1];
        var suffixSquares = new double[k + 1];
        for (var j = k - 1; j >= 0; j--)
        {
            suffix[j] = suffix[j + 1] + z[j];
            suffixSquares[j] = suffixSquares[j + 1] + (z[j] * z[j]);
        }

        var best = 0;
        var bestValue = double.PositiveInfinity;
        for (var d = 0; d <= k / 2; d++)
        {
            var n = k - d;
            var mean = suffix[d] / n;
            var squares = Math.Max(0, suffixSquares[d] - (n * mean * mean));
            var value = squares / ((double)n * n);
            if (value < bestValue)
            {
                bestValue = value;
                best = d;
            }
        }

        return best == 0 ? (0, 0) : (series[best * MserBatch].Created, best * MserBatch);
    }

    /// <summary>
    /// The batch-means interval of the mean of <paramref name="values"/> (in output order) over
    /// <paramref name="batches"/> batches of equal size; null with fewer values than batches.
    /// </summary>
    public static BatchMeansResult? BatchMeans(IReadOnlyList<double> values, int batches)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (batches < 2 || values.Count < batches)
        {
            return null;
        }

        var size = values.Count / batches;
        var means = new double[batches];
        for (var b = 0; b < batches; b++)
        {
            double sum = 0;
            for (var i = 0; i < size; i++)
            {
                sum += values[(b * size) + i];
            }

            means[b] = sum / size;
        }

        return new BatchMeansResult(ConfidenceInterval.Of(means), Lag1(means), size);
    }

    /// <summary>The lag-1 autocorrelation of <paramref name="xs"/>: sum (x_i - m)(x_{i+1} - m) / sum (x_i - m)^2; NaN with fewer than three values or no spread.</summary>
    public static double Lag1(IReadOnlyList<double> xs)
    {
        ArgumentNullException.ThrowIfNull(xs);
        if (xs.Count < 3)
        {
            return double.NaN;
        }

        var mean = xs.Average();
        double num = 0;
        double den = 0;
        for (var i = 0; i < xs.Count; i++)
        {
            den += (xs[i] - mean) * (xs[i] - mean);
            if (i + 1 < xs.Count)
            {
                num += (xs[i] - mean) * (xs[i + 1] - mean);
            }
        }

        return den > 0 ? num / den : double.NaN;
    }
}
