using NetSim.Kernel.Statistics;

namespace NetSim.Kernel.Tests.Statistics;

/// <summary>
/// The histogram's percentiles against the exact nearest-rank percentiles of the same values. The
/// buckets it holds grow in both directions as values arrive, so the values come in orders that
/// widen the held range downwards, upwards and both ways, with zeros among them; a count put in the
/// wrong bucket when the range widens moves a percentile by at least a bucket, past the half bucket
/// the check allows.
/// </summary>
public class LogHistogramTests
{
    private const double Growth = 1.005;

    public static TheoryData<string> Orders => new() { "ascending", "descending", "shuffled" };

    [Theory]
    [MemberData(nameof(Orders))]
    public void Given_values_over_twelve_decades_and_zeros_Then_each_percentile_is_within_half_a_bucket_of_the_exact_one(string order)
    {
        var random = new Random(7);
        var values = Enumerable.Range(0, 20_000)
            .Select(i => i % 10 == 0 ? 0 : Math.Pow(10, -6 + (12 * random.NextDouble())))
            .ToList();
        var added = order switch
        {
            "ascending" => values.Order().ToList(),
            "descending" => values.OrderDescending().ToList(),
            _ => values,
        };
        var histogram = new LogHistogram(Growth);
        foreach (var v in added)
        {
            histogram.Add(v);
        }

        var sorted = values.Order().ToArray();
        Assert.Equal(sorted.Length, histogram.Count);
        foreach (var p in new[] { 1.0, 5, 10, 11, 25, 50, 75, 95, 99, 100 })
        {
            var exact = sorted[(int)Math.Ceiling(p / 100 * sorted.Length) - 1];
            var estimate = histogram.Percentile(p);
            if (exact == 0)
            {
                Assert.Equal(0, estimate);
            }
            else
            {
                Assert.InRange(estimate / exact, 1 / Math.Sqrt(Growth) - 1e-12, Math.Sqrt(Growth) + 1e-12);
            }
        }
    }

    [Fact]
    public void Given_no_values_Then_percentiles_are_nan()
    {
        Assert.True(double.IsNaN(new LogHistogram(Growth).Percentile(50)));
    }
}
