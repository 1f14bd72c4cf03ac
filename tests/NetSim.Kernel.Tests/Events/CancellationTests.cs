using NetSim.Kernel.Events;

namespace NetSim.Kernel.Tests.Events;

/// <summary>Run(until, cancel): a run stops on cancellation however slowly simulated time advances.</summary>
public class CancellationTests
{
    [Fact]
    public void Given_a_model_whose_clock_crawls_When_cancelled_from_another_thread_Then_the_run_stops_within_moments()
    {
        // A nanosecond per event: reaching t = 1e6 would take 1e15 events (years). Run(until)
        // alone could only return at the horizon, so a caller checking between chunks of simulated
        // time never gets control back; the token is checked every Simulation.CancelCheckEvents events.
        var sim = new Simulation { StallLimit = int.MaxValue };
        IEnumerable<Event> Crawl()
        {
            while (true)
            {
                yield return sim.Timeout(1e-9);
            }
        }

        sim.Process(Crawl(), "crawler");
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var finished = sim.Run(1e6, cancel.Token);

        Assert.False(finished);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"stopped after {watch.Elapsed.TotalSeconds:F1} s");
        Assert.True(sim.Now < 1e6);
    }

    [Fact]
    public void Given_no_cancellation_Then_it_runs_the_same_events_as_run_until_and_sets_the_clock()
    {
        static (long Events, double Now) RunOnce(bool withToken)
        {
            var sim = new Simulation(seed: 3);
            IEnumerable<Event> Arrivals()
            {
                var stream = sim.Streams.Get("arrivals");
                while (true)
                {
                    yield return sim.Timeout(stream.Exponential(1.0));
                }
            }

            sim.Process(Arrivals(), "arrivals");
            if (withToken)
            {
                Assert.True(sim.Run(5000.0, CancellationToken.None));
            }
            else
            {
                sim.Run(5000.0);
            }

            return (sim.ProcessedEvents, sim.Now);
        }

        Assert.Equal(RunOnce(withToken: false), RunOnce(withToken: true));
    }
}
