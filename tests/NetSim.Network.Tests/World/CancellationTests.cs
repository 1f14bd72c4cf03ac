using System.Diagnostics;
using NetSim.Network.Building;
using NetSim.Network.Policies;
using NetSim.Network.Recording;
using NetSim.Network.Scenario;
using NetSim.Network.Tests.Scenario;

namespace NetSim.Network.Tests.World;

/// <summary>A run whose simulated time crawls stops within a second of wall time once cancelled.</summary>
public class CancellationTests
{
    [Fact]
    public void Given_a_world_whose_clock_crawls_When_cancelled_after_200_ms_Then_the_run_returns_within_a_second_and_a_half()
    {
        // 3,000 UEs and 600 cells with interference, 15 tasks per simulated millisecond: a chunk
        // of 1/200 of the 1,000 s duration (5 s, 75,000 tasks) takes far longer than the bound,
        // so a check between chunks could not return in time; the assertion that the clock had
        // not reached the first chunk's end shows it.
        var loaded = ScenarioLoader.Load(Path.Combine(Repo.Scenarios, "quickstart.yaml"), [
            "ues.count=3000",
            "ues.placement.radius=5km",
            "base_stations.count=600",
            "base_stations.placement.width=8km",
            "base_stations.placement.height=8km",
            "duration=1000s",
            "max_time=1000s",
        ]);
        Assert.True(loaded.Ok, loaded.Report("quickstart.yaml"));
        var run = WorldBuilder.Build(ScenarioMapper.ToSpec(loaded.Scenario!, 0), _ => new NearestPolicy(), NullRecorder.Instance);
        using var cancel = new CancellationTokenSource();
        var cancelledAt = TimeSpan.Zero;
        var watch = Stopwatch.StartNew();
        using var timer = new Timer(
            _ =>
            {
                cancelledAt = watch.Elapsed;
                cancel.Cancel();
            },
            null,
            TimeSpan.FromMilliseconds(200),
            Timeout.InfiniteTimeSpan);

        var finished = run.Run(cancel: cancel.Token);
        var returned = watch.Elapsed;

        Assert.False(finished);
        Assert.True(run.World.Simulation.Now < run.Spec.Duration / 200, $"the clock reached {run.World.Simulation.Now} s");
        Assert.True(returned - cancelledAt < TimeSpan.FromSeconds(1.5), $"returned {(returned - cancelledAt).TotalSeconds:F2} s after the cancellation");
    }
}
