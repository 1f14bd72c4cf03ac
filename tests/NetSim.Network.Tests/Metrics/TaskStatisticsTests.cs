using NetSim.Network.Metrics;
using NetSim.Network.Recording;

namespace NetSim.Network.Tests.Metrics;

public class TaskStatisticsTests
{
    [Fact]
    public void Given_latencies_one_to_one_hundred_Then_nearest_rank_percentiles_are_within_the_histogram_precision()
    {
        var stats = new TaskStatistics();
        for (var i = 1; i <= 100; i++)
        {
            stats.Add(Task(i, created: 0, ended: i / 1000.0));
        }

        // Nearest rank: p50 is the 50th smallest (0.050 s), p95 the 95th, p99 the 99th; 0.05% precision.
        Assert.Equal(0.050, stats.Percentile(50), 0.050 * 5e-4);
        Assert.Equal(0.095, stats.Percentile(95), 0.095 * 5e-4);
        Assert.Equal(0.099, stats.Percentile(99), 0.099 * 5e-4);
        Assert.Equal(0.0505, stats.Summary(10)["mean_latency"], 1e-12);
    }

    [Fact]
    public void Given_a_warm_up_cut_Then_tasks_created_before_it_are_only_counted_and_throughput_is_over_the_time_after_it()
    {
        var stats = new TaskStatistics(cut: 2, keepSeries: true);
        stats.Add(Task(0, created: 0, ended: 9));
        stats.Add(Task(1, created: 1.5, ended: 3));
        stats.Add(Task(3, created: 3, ended: 4));
        stats.Add(Task(2, created: 2, ended: 5));

        var summary = stats.Summary(simTime: 6);

        // Tasks 2 and 3 remain: latencies 3 and 1, two completions over the 4 s from the cut to the end.
        Assert.Equal((2.0, 2.0, 2.0), (summary["warmup_cut_s"], summary["warmup_cut_tasks"], summary["tasks_created"]));
        Assert.Equal(2.0, summary["mean_latency"], 12);
        Assert.Equal(0.5, summary["throughput_tasks_per_s"], 12);
        Assert.Equal([2.0, 3.0], stats.Series().Select(p => p.Created));
        Assert.Equal("completed tasks after warm-up", MetricCatalog.Over(MetricCatalog.MeanLatency, warmupCut: true));
        Assert.Equal("completed tasks", MetricCatalog.Over(MetricCatalog.MeanLatency, warmupCut: false));
    }

    [Fact]
    public void Given_a_crafted_mix_Then_rates_follow_by_hand()
    {
        var stats = new TaskStatistics();
        stats.Add(Task(0, created: 0, ended: 1, met: true, energy: 0.5));
        stats.Add(Task(1, created: 0, ended: 2, met: false, energy: 0.5));
        stats.Add(Task(2, created: 1, ended: 3, status: TaskOutcome.Dropped, met: false, energy: 0.2));
        stats.Add(Task(3, created: 2, ended: 4, status: TaskOutcome.Unfinished, met: null, energy: 0));

        var summary = stats.Summary(simTime: 4);

        Assert.Equal(1.0 / 3, summary["deadline_met_rate"], 12);
        Assert.Equal(0.5, summary["completion_rate"], 12);
        Assert.Equal(0.5, summary["throughput_tasks_per_s"], 12);
        Assert.Equal((4.0, 2.0, 1.0, 1.0), (summary["tasks_created"], summary["tasks_completed"], summary["tasks_dropped"], summary["tasks_unfinished"]));
    }

    [Fact]
    public void Energy_is_averaged_over_every_created_task_with_what_dropped_and_unfinished_ones_spent()
    {
        var stats = new TaskStatistics();
        stats.Add(Task(0, created: 0, ended: 1, energy: 0.6));
        stats.Add(Task(1, created: 0, ended: 2, status: TaskOutcome.Dropped, energy: 0.3));
        stats.Add(Task(2, created: 0, ended: 5, status: TaskOutcome.Unfinished, energy: 0.3));

        // (0.6 + 0.3 + 0.3) / 3 tasks = 0.4 J; averaging over the one completed task would give 0.6 J.
        Assert.Equal(0.4, stats.Summary(5)[MetricCatalog.MeanEnergy.Name], 12);
    }

    [Fact]
    public void The_all_tasks_latency_counts_unfinished_tasks_to_the_end_of_the_run_and_dropped_ones_to_their_drop()
    {
        // Two completed tasks of 1 s and 3 s; one dropped 10 s after its creation; one created at
        // t = 6 and unfinished when the run ended at t = 20 (age 14 s).
        var stats = new TaskStatistics();
        stats.Add(Task(0, created: 0, ended: 1));
        stats.Add(Task(1, created: 1, ended: 4));
        stats.Add(Task(2, created: 2, ended: 12, status: TaskOutcome.Dropped));
        stats.Add(Task(3, created: 6, ended: 20, status: TaskOutcome.Unfinished));

        var summary = stats.Summary(20);

        Assert.Equal(2.0, summary[MetricCatalog.MeanLatency.Name], 12);
        Assert.Equal((1 + 3 + 10 + 14) / 4.0, summary[MetricCatalog.MeanLatencyAllTasks.Name], 12);
    }

    [Fact]
    public void A_policy_that_leaves_its_slow_tasks_unfinished_does_not_look_faster_on_the_all_tasks_latency()
    {
        // Survivorship: policy A completes all ten tasks in 2 s each; policy B completes the two
        // quickest in 1 s and leaves eight unfinished at the end of a 50 s run (created at t = 0).
        // Over completed tasks B looks twice as fast; over all tasks it is far slower.
        var a = new TaskStatistics();
        var b = new TaskStatistics();
        for (var i = 0; i < 10; i++)
        {
            a.Add(Task(i, created: 0, ended: 2));
            b.Add(i < 2 ? Task(i, created: 0, ended: 1) : Task(i, created: 0, ended: 50, status: TaskOutcome.Unfinished));
        }

        var sa = a.Summary(50);
        var sb = b.Summary(50);
        Assert.True(sb[MetricCatalog.MeanLatency.Name] < sa[MetricCatalog.MeanLatency.Name]);
        Assert.Equal(2.0, sa[MetricCatalog.MeanLatencyAllTasks.Name], 12);
        Assert.Equal(((2 * 1) + (8 * 50)) / 10.0, sb[MetricCatalog.MeanLatencyAllTasks.Name], 12);
        Assert.Equal(0.2, sb[MetricCatalog.CompletionRate.Name], 12);
    }

    [Fact]
    public void With_nothing_completed_the_latencies_over_completed_tasks_are_missing_not_zero()
    {
        var stats = new TaskStatistics();
        stats.Add(Task(0, created: 0, ended: 3, status: TaskOutcome.Unfinished));

        var summary = stats.Summary(3);

        Assert.True(double.IsNaN(summary[MetricCatalog.MeanLatency.Name]));
        Assert.True(double.IsNaN(summary[MetricCatalog.P95Latency.Name]));
        Assert.Equal(3.0, summary[MetricCatalog.MeanLatencyAllTasks.Name], 12);
    }

    [Fact]
    public void Given_refused_tasks_Then_rejections_are_counted_by_reason_over_all_created_tasks()
    {
        var statistics = new TaskStatistics();
        statistics.Add(Task(0, 0, 1) with { Rejected = RejectReason.Capacity });
        statistics.Add(Task(1, 0, 1) with { Rejected = RejectReason.Range });
        statistics.Add(Task(2, 0, 1, TaskOutcome.Dropped) with { Rejected = RejectReason.Range });
        statistics.Add(Task(3, 0, 1));
        statistics.Add(Task(4, 0, 1));

        var rejections = statistics.Rejections();

        Assert.Equal(3.0 / 5, rejections[MetricCatalog.RejectedRate.Name]);
        Assert.Equal(1.0 / 5, rejections[MetricCatalog.RejectedCapacity.Name]);
        Assert.Equal(0, rejections[MetricCatalog.RejectedDeadline.Name]);
        Assert.Equal(2.0 / 5, rejections[MetricCatalog.RejectedRange.Name]);
        Assert.All(MetricCatalog.Rejections, m => Assert.Equal("of all created tasks", m.Over));
    }

    private static TaskRecord Task(long id, double created, double ended, TaskOutcome status = TaskOutcome.Completed, bool? met = null, double energy = 0) => new(
        id, 0, "sd", 1e6, 1e9, created, created, status == TaskOutcome.Completed ? "edge:0" : null, 1, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, 0,
        status == TaskOutcome.Completed ? ended : double.NaN, status == TaskOutcome.Completed ? ended - created : double.NaN, double.NaN, met, energy, double.NaN, status, ended);
}
