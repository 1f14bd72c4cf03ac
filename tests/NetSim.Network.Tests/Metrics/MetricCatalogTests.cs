using NetSim.Network.Metrics;

namespace NetSim.Network.Tests.Metrics;

public class MetricCatalogTests
{
    [Fact]
    public void Every_summary_metric_is_defined_in_the_catalog_with_its_population()
    {
        var summary = new TaskStatistics().Summary(1);

        foreach (var name in summary.Keys)
        {
            Assert.True(MetricCatalog.IsKnown(name), $"{name} is computed but not defined in MetricCatalog");
        }

        foreach (var metric in MetricCatalog.Summary.Where(m => m.Unit.Length > 0))
        {
            Assert.False(string.IsNullOrEmpty(metric.Over), $"{metric.Name} does not say what it is over");
        }
    }

    [Fact]
    public void Latency_titles_name_their_population_so_the_two_means_cannot_be_confused()
    {
        Assert.Equal("Mean latency, completed tasks (ms)", MetricCatalog.MeanLatency.Title);
        Assert.Equal("Mean latency (lower bound), all created tasks (ms)", MetricCatalog.MeanLatencyAllTasks.Title);
        Assert.NotEqual(MetricCatalog.MeanLatency.Title, MetricCatalog.MeanLatencyAllTasks.Title);
    }

    [Fact]
    public void A_mean_over_part_of_the_replications_says_how_many()
    {
        // Latencies 10 and 20 ms in two of three replications (the third completed nothing):
        // mean 15 ms, half-width t(0.975, 1) * sd / sqrt(2) = 12.706 * 7.071 / 1.414 = 63.53 ms.
        var cell = MetricText.Cell(MetricCatalog.MeanLatency, [0.010, 0.020, double.NaN]);

        Assert.Equal("15 ± 63.53 (2 of 3 replications)", cell);
        Assert.Equal("15 ± 63.53", MetricText.Cell(MetricCatalog.MeanLatency, [0.010, 0.020]));
        Assert.Equal("-", MetricText.Cell(MetricCatalog.MeanLatency, [double.NaN]));
    }
}
