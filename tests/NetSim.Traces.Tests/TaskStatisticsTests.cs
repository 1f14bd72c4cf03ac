using NetSim.Network.Recording;

namespace NetSim.Traces.Tests;

public class TaskStatisticsTests
{
    [Fact]
    public void Given_latencies_one_to_one_hundred_Then_nearest_rank_percentiles_are_within_the_histogram_precision()
    {
        var stats = new TaskStatistics();
        for (var i = 1; i <= 100; i++)
        {
            stats.Add(Rows.Task(i, latency: i / 1000.0));
        }

        // Nearest rank: p50 is the 50th smallest (0.050 s), p95 the 95th, p99 the 99th; 0.05% precision.
        Assert.Equal(0.050, stats.Percentile(50), 0.050 * 5e-4);
        Assert.Equal(0.095, stats.Percentile(95), 0.095 * 5e-4);
        Assert.Equal(0.099, stats.Percentile(99), 0.099 * 5e-4);
        Assert.Equal(0.0505, stats.Summary(10)["mean_latency"], 1e-12);
    }

    [Fact]
    public void Given_a_crafted_mix_Then_rates_follow_by_hand()
    {
        var stats = new TaskStatistics();
        stats.Add(Rows.Task(0, met: true));
        stats.Add(Rows.Task(1, met: false));
        stats.Add(Rows.Task(2, TaskOutcome.Dropped, met: false));
        stats.Add(Rows.Task(3, TaskOutcome.Unfinished, met: null));

        var summary = stats.Summary(simTime: 4);

        Assert.Equal(1.0 / 3, summary["deadline_met_rate"], 12);
        Assert.Equal(0.5, summary["completion_rate"], 12);
        Assert.Equal(0.5, summary["throughput_tasks_per_s"], 12);
        Assert.Equal(0.5, summary["mean_energy_j"], 12);
        Assert.Equal((4.0, 2.0, 1.0, 1.0), (summary["tasks_created"], summary["tasks_completed"], summary["tasks_dropped"], summary["tasks_unfinished"]));
    }
}
