using NetSim.Kernel.Events;

namespace NetSim.Kernel.Tests.Events;

/// <summary>
/// The failure rule: a failed event stops the run unless a waiting process or condition took the
/// failure over or a callback marked it <see cref="Event.Defused"/> (SimPy's defused events).
/// </summary>
public class UnhandledFailureTests
{
    private readonly Simulation _sim = new();
    private readonly List<string> _log = new();

    private void Log(string what) => _log.Add($"{_sim.Now:0.###} {what}");

    [Fact]
    public void Given_a_failed_event_with_only_a_callback_that_ignores_it_Then_the_run_stops_with_the_failure_after_the_callback()
    {
        var ev = _sim.Event();
        ev.AddCallback(e => Log($"saw {e.Exception!.Message}"));
        _sim.After(1, () => ev.Fail(new InvalidOperationException("link lost")));
        _sim.After(2, () => Log("later"));

        var error = Assert.Throws<SimulationException>(() => _sim.Run());

        Assert.Contains("Event failed at t=1", error.Message, StringComparison.Ordinal);
        Assert.Contains("link lost", error.Message, StringComparison.Ordinal);
        Assert.Contains("Defused", error.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidOperationException>(error.InnerException);
        Assert.Equal(["1 saw link lost"], _log);
        Assert.Equal(1, _sim.Now);
    }

    [Fact]
    public void Given_a_failed_event_whose_callback_marks_it_defused_Then_the_run_goes_on()
    {
        var ev = _sim.Event();
        ev.AddCallback(e =>
        {
            Log($"handled {e.Exception!.Message}");
            e.Defused = true;
        });
        _sim.After(1, () => ev.Fail(new InvalidOperationException("link lost")));
        _sim.After(2, () => Log("later"));

        _sim.Run();

        Assert.Equal(["1 handled link lost", "2 later"], _log);
    }

    [Fact]
    public void Given_a_failed_event_with_several_callbacks_When_the_last_one_defuses_it_Then_every_callback_runs_and_the_run_goes_on()
    {
        var ev = _sim.Event();
        ev.AddCallback(_ => Log("first"));
        ev.AddCallback(e => e.Defused = true);
        ev.AddCallback(_ => Log("third"));
        _sim.After(1, () => ev.Fail(new InvalidOperationException("x")));

        _sim.Run();

        Assert.Equal(["1 first", "1 third"], _log);
    }

    [Fact]
    public void Given_a_failed_event_with_a_callback_and_a_process_that_handles_it_Then_the_run_goes_on()
    {
        var ev = _sim.Event();
        ev.AddCallback(_ => Log("callback"));
        Process? p = null;
        IEnumerable<Event> Body()
        {
            yield return ev;
            if (p!.HandleFault())
            {
                Log($"process handled {p.Fault!.Message}");
            }
        }

        p = _sim.Process(Body(), "waiter");
        _sim.After(1, () => ev.Fail(new InvalidOperationException("x")));

        _sim.Run();

        Assert.Equal(["1 callback", "1 process handled x"], _log);
        Assert.True(p.IsOk);
    }

    [Fact]
    public void Given_an_any_of_that_already_succeeded_When_another_member_fails_later_Then_that_failure_stops_the_run()
    {
        var bad = _sim.Event();
        IEnumerable<Event> Body()
        {
            yield return _sim.AnyOf(_sim.Timeout(1), bad);
            Log("any");
        }

        _sim.Process(Body());
        _sim.After(2, () => bad.Fail(new InvalidOperationException("late member")));

        var error = Assert.Throws<SimulationException>(() => _sim.Run());

        Assert.Contains("late member", error.Message, StringComparison.Ordinal);
        Assert.Equal(["1 any"], _log);
        Assert.Equal(2, _sim.Now);
    }
}
