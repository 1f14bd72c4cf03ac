using NetSim.Kernel.Events;

namespace NetSim.Kernel.Tests.Events;

/// <summary>The stall guard: a run whose clock stops advancing fails instead of hanging.</summary>
public class StallGuardTests
{
    private readonly Simulation _sim = new();

    [Fact]
    public void Given_a_new_simulation_Then_the_stall_limit_is_ten_million_events()
    {
        Assert.Equal(10_000_000, _sim.StallLimit);
    }

    [Fact]
    public void Given_a_process_that_yields_zero_timeouts_forever_Then_the_run_fails_at_the_limit_naming_the_time_and_the_process()
    {
        IEnumerable<Event> Spin()
        {
            yield return _sim.Timeout(2.5);
            while (true)
            {
                yield return _sim.Timeout(0);
            }
        }

        _sim.StallLimit = 1000;
        _sim.Process(Spin(), "spinner");

        var error = Assert.Throws<SimulationException>(() => _sim.Run());

        // The start event at t=0, then exactly StallLimit events at t=2.5 before the guard trips.
        Assert.Equal(1 + 1000, _sim.ProcessedEvents);
        Assert.Equal(2.5, _sim.Now);
        Assert.Contains("stuck at t=2.5", error.Message, StringComparison.Ordinal);
        Assert.Contains("1000 events in a row", error.Message, StringComparison.Ordinal);
        Assert.Contains("Timeout resuming Process(spinner) (1000 of the last 1000)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_callback_that_reschedules_itself_at_once_Then_the_run_fails_naming_the_callback()
    {
        void Again() => _sim.After(0, Again);

        _sim.StallLimit = 50;
        _sim.After(1, Again);
        _sim.After(1, () => { });

        var error = Assert.Throws<SimulationException>(() => _sim.Run());

        Assert.Contains("stuck at t=1", error.Message, StringComparison.Ordinal);
        Assert.Contains("callback StallGuardTests.Again (49 of the last 50)", error.Message, StringComparison.Ordinal);
        Assert.Contains("(lambda) (1 of the last 50)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_instants_of_exactly_the_limit_When_the_clock_advances_between_them_Then_the_run_ends_normally()
    {
        const int limit = 100;
        const int rounds = 30;
        IEnumerable<Event> Bursts()
        {
            for (var r = 0; r < rounds; r++)
            {
                // The event that brought the process here, then limit - 1 zero timeouts: limit events per instant.
                for (var i = 1; i < limit; i++)
                {
                    yield return _sim.Timeout(0);
                }

                yield return _sim.Timeout(1);
            }
        }

        _sim.StallLimit = limit;
        _sim.Process(Bursts());

        _sim.Run();

        // limit events at each of t = 0..rounds-1; at t = rounds the last timeout and the process's end.
        Assert.Equal(rounds, _sim.Now);
        Assert.Equal((rounds * limit) + 2, _sim.ProcessedEvents);
    }

    [Fact]
    public void Given_run_until_a_time_with_events_left_there_Then_the_events_at_that_time_count_from_zero()
    {
        // 60 events at t=0 stop short of the limit of 100; t=1 then holds 90 more: fine on its own.
        _sim.StallLimit = 100;
        for (var i = 0; i < 60; i++)
        {
            _sim.Timeout(0);
        }

        for (var i = 0; i < 90; i++)
        {
            _sim.Timeout(1);
        }

        _sim.Run(1.0);
        _sim.Run();

        Assert.Equal(150, _sim.ProcessedEvents);
    }

    [Fact]
    public void Given_a_stall_limit_below_one_Then_it_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _sim.StallLimit = 0);
    }
}
