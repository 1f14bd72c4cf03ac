using NetSim.Kernel.Events;
using NetSim.Kernel.Resources;

namespace NetSim.Kernel.Tests.Events;

public class BadInputTests
{
    private readonly Simulation _sim = new();

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Given_a_bad_delay_Then_it_throws_naming_the_value_and_the_queue_is_intact(double delay)
    {
        _sim.Timeout(1);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => _sim.Timeout(delay));

        Assert.Contains($"delay {delay}", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, _sim.QueuedEvents);
        _sim.Run();
        Assert.Equal(1, _sim.Now);
    }

    [Fact]
    public void Given_capacity_zero_Then_resource_store_and_container_refuse_it()
    {
        Assert.Contains("capacity 0", Assert.Throws<ArgumentOutOfRangeException>(() => new Resource(_sim, 0, "cpu")).Message, StringComparison.Ordinal);
        Assert.Contains("capacity 0", Assert.Throws<ArgumentOutOfRangeException>(() => new Store<int>(_sim, 0)).Message, StringComparison.Ordinal);
        Assert.Contains("capacity 0", Assert.Throws<ArgumentOutOfRangeException>(() => new Container(_sim, 0)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_released_request_When_released_again_Then_it_throws_and_the_resource_is_unchanged()
    {
        var resource = new Resource(_sim, 1, "cpu");
        var request = resource.Request();
        resource.Release(request);

        var error = Assert.Throws<InvalidOperationException>(() => resource.Release(request));

        Assert.Contains("already released", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, resource.InUse);
        request.Dispose();
        Assert.Equal(0, resource.InUse);
    }

    [Fact]
    public void Given_an_event_of_another_simulation_When_a_process_yields_it_Then_the_process_fails_with_a_clear_message()
    {
        var other = new Simulation();
        IEnumerable<Event> Body()
        {
            yield return other.Timeout(1);
        }

        _sim.Process(Body(), "confused");

        var error = Assert.Throws<SimulationException>(() => _sim.Run());

        Assert.Contains("confused yielded Timeout, an event of another simulation", error.InnerException!.Message + error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_callback_that_runs_the_simulation_Then_it_throws_and_the_outer_run_goes_on()
    {
        Exception? inner = null;
        _sim.After(1, () => inner = Record.Exception(() => _sim.Run()));
        _sim.Timeout(2);

        _sim.Run();

        Assert.IsType<InvalidOperationException>(inner);
        Assert.Contains("already running", inner!.Message, StringComparison.Ordinal);
        Assert.Equal(2, _sim.Now);
    }

    [Fact]
    public void Given_a_triggered_event_When_succeeded_again_Then_it_throws()
    {
        var ev = _sim.Event().Succeed(1);

        var error = Assert.Throws<InvalidOperationException>(() => ev.Succeed(2));

        Assert.Contains("already triggered", error.Message, StringComparison.Ordinal);
        _sim.Run();
        Assert.Equal(1, ev.Value);
    }

    [Fact]
    public void Given_a_failed_event_that_nobody_waits_for_Then_the_run_stops_with_it()
    {
        _sim.Event().Fail(new InvalidOperationException("lost"));

        var error = Assert.Throws<SimulationException>(() => _sim.Run());

        Assert.Contains("lost", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_run_until_a_past_time_Then_it_throws_naming_it()
    {
        _sim.Run(5.0);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => _sim.Run(3.0));

        Assert.Contains("run until 3", error.Message, StringComparison.Ordinal);
    }
}
