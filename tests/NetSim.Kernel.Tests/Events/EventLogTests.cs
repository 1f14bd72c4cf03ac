using NetSim.Kernel.Events;

namespace NetSim.Kernel.Tests.Events;

public class EventLogTests
{
    private readonly Simulation _sim = new();
    private readonly List<string> _log = new();

    private void Log(string what) => _log.Add($"{_sim.Now:0.###} {what}");

    [Fact]
    public void Given_timeouts_at_equal_times_Then_they_run_by_priority_then_insertion_order()
    {
        foreach (var (name, priority) in new[] { ("a", 0), ("b", 1), ("c", 0), ("d", -1) })
        {
            _sim.Timeout(1, name, priority).AddCallback(e => Log((string)e.Value!));
        }

        _sim.Timeout(0.5, "early").AddCallback(e => Log((string)e.Value!));

        _sim.Run();

        Assert.Equal(["0.5 early", "1 d", "1 a", "1 c", "1 b"], _log);
        Assert.Equal(5, _sim.ProcessedEvents);
    }

    [Fact]
    public void Given_two_processes_Then_they_interleave_by_time_and_the_clock_follows()
    {
        IEnumerable<Event> Clock(string name, double tick)
        {
            for (var i = 0; i < 3; i++)
            {
                Log(name);
                yield return _sim.Timeout(tick);
            }
        }

        _sim.Process(Clock("fast", 0.5));
        _sim.Process(Clock("slow", 1));
        _sim.Run();

        Assert.Equal(["0 fast", "0 slow", "0.5 fast", "1 slow", "1 fast", "2 slow"], _log);
        Assert.Equal(3, _sim.Now);
    }

    [Fact]
    public void Given_a_process_that_returns_a_value_Then_a_waiting_process_receives_it()
    {
        IEnumerable<Event> Child()
        {
            yield return _sim.Timeout(2);
            _sim.ActiveProcess!.Return(42);
        }

        IEnumerable<Event> Parent()
        {
            var child = _sim.Process(Child(), "child");
            yield return child;
            Log($"child returned {child.Value}");
        }

        _sim.Process(Parent(), "parent");
        _sim.Run();

        Assert.Equal(["2 child returned 42"], _log);
    }

    [Fact]
    public void Given_a_waiting_process_When_interrupted_Then_it_resumes_at_once_with_the_cause_and_the_timeout_no_longer_wakes_it()
    {
        Process? sleeper = null;
        IEnumerable<Event> Sleeper()
        {
            yield return _sim.Timeout(10);
            if (sleeper!.HandleFault())
            {
                Log($"interrupted: {((InterruptException)sleeper.Fault!).Cause}");
            }

            yield return _sim.Timeout(1);
            Log("done");
        }

        IEnumerable<Event> Waker()
        {
            yield return _sim.Timeout(3);
            sleeper!.Interrupt("wake up");
            Log("interrupt sent");
        }

        sleeper = _sim.Process(Sleeper());
        _sim.Process(Waker());
        _sim.Run();

        Assert.Equal(["3 interrupt sent", "3 interrupted: wake up", "4 done"], _log);
    }

    [Fact]
    public void Given_a_process_that_ignores_an_interrupt_Then_it_fails_and_the_run_stops_naming_it()
    {
        IEnumerable<Event> Careless()
        {
            yield return _sim.Timeout(10);
            yield return _sim.Timeout(1);
        }

        var p = _sim.Process(Careless(), "careless");
        _sim.After(2, () => p.Interrupt("stop"));

        var error = Assert.Throws<SimulationException>(() => _sim.Run());

        Assert.Contains("careless", error.Message, StringComparison.Ordinal);
        Assert.Contains("did not handle", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, _sim.Now);
    }

    [Fact]
    public void Given_a_failing_child_Then_the_parent_sees_the_failure_and_may_handle_it()
    {
        IEnumerable<Event> Child()
        {
            yield return _sim.Timeout(1);
            throw new InvalidOperationException("boom");
        }

        Process? parent = null;
        IEnumerable<Event> Parent()
        {
            yield return _sim.Process(Child(), "child");
            if (parent!.HandleFault())
            {
                Log($"caught: {parent.Fault!.InnerException!.Message}");
            }
        }

        parent = _sim.Process(Parent(), "parent");
        _sim.Run();

        Assert.Equal(["1 caught: boom"], _log);
        Assert.True(parent.IsOk);
    }

    [Fact]
    public void Given_a_failing_process_that_nobody_waits_for_Then_run_rethrows_with_its_name()
    {
        IEnumerable<Event> Body()
        {
            yield return _sim.Timeout(1);
            throw new InvalidOperationException("broken model");
        }

        _sim.Process(Body(), "worker");

        var error = Assert.Throws<SimulationException>(() => _sim.Run());

        Assert.Contains("worker failed at t=1: broken model", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_all_of_and_any_of_Then_they_fire_when_all_or_the_first_have_succeeded()
    {
        IEnumerable<Event> Body()
        {
            var a = _sim.Timeout(1, "a");
            var b = _sim.Timeout(3, "b");
            var any = _sim.AnyOf(a, b);
            yield return any;
            Log($"any: {string.Join(",", ((Event[])any.Value!).Select(e => e.Value))}");
            var all = _sim.AllOf(a, b);
            yield return all;
            Log($"all: {string.Join(",", ((Event[])all.Value!).Select(e => e.Value))}");
        }

        _sim.Process(Body());
        _sim.Run();

        Assert.Equal(["1 any: a", "3 all: a,b"], _log);
    }

    [Fact]
    public void Given_all_of_with_a_failing_member_Then_it_fails_with_that_failure()
    {
        Process? p = null;
        IEnumerable<Event> Body()
        {
            var bad = _sim.Event();
            _sim.After(2, () => bad.Fail(new InvalidOperationException("member failed")));
            yield return _sim.AllOf(_sim.Timeout(1), bad, _sim.Timeout(5));
            if (p!.HandleFault())
            {
                Log(p.Fault!.Message);
            }
        }

        p = _sim.Process(Body());
        _sim.Run();

        Assert.Equal(["2 member failed"], _log);
    }

    [Fact]
    public void Given_a_plain_event_Then_callbacks_run_in_order_with_its_value_when_it_succeeds()
    {
        var ev = _sim.Event();
        ev.AddCallback(e => Log($"first {e.Value}"));
        ev.AddCallback(e => Log($"second {e.Value}"));
        _sim.After(4, () => ev.Succeed("v"));

        _sim.Run();

        Assert.Equal(["4 first v", "4 second v"], _log);
        Assert.True(ev.IsProcessed);
    }

    [Fact]
    public void Given_run_until_Then_events_before_it_run_and_the_clock_stops_there()
    {
        _sim.Timeout(1).AddCallback(_ => Log("one"));
        _sim.Timeout(2).AddCallback(_ => Log("two"));

        _sim.Run(2.0);

        Assert.Equal(["1 one"], _log);
        Assert.Equal(2, _sim.Now);
        Assert.Equal(2, _sim.Peek());
        Assert.True(_sim.Step());
        Assert.Equal(["1 one", "2 two"], _log);
        Assert.False(_sim.Step());
    }

    [Fact]
    public void Given_run_until_an_event_Then_it_returns_the_value()
    {
        IEnumerable<Event> Body()
        {
            yield return _sim.Timeout(7);
            _sim.ActiveProcess!.Return("seven");
        }

        var p = _sim.Process(Body());

        Assert.Equal("seven", _sim.Run(p));
        Assert.Equal(7, _sim.Now);
    }

    [Fact]
    public void Given_a_run_stopped_before_a_peeked_event_When_an_earlier_event_is_scheduled_Then_it_still_runs_first()
    {
        _sim.Timeout(5).AddCallback(_ => Log("five"));
        _sim.Run(2.0);

        _sim.After(1, () => Log("three"));
        _sim.After(0, () => Log("two"));
        _sim.After(3, () => Log("five, scheduled later"));
        _sim.Run();

        Assert.Equal(["2 two", "3 three", "5 five", "5 five, scheduled later"], _log);
    }
}
