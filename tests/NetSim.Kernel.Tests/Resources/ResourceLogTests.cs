using NetSim.Kernel.Events;
using NetSim.Kernel.Resources;

namespace NetSim.Kernel.Tests.Resources;

public class ResourceLogTests
{
    private readonly Simulation _sim = new();
    private readonly List<string> _log = new();

    private void Log(string what) => _log.Add($"{_sim.Now:0.###} {what}");

    private IEnumerable<Event> Customer(Resource resource, string name, double arrive, double hold)
    {
        yield return _sim.Timeout(arrive);
        using var request = resource.Request();
        yield return request;
        Log($"{name} got it");
        yield return _sim.Timeout(hold);
        Log($"{name} leaves");
    }

    [Fact]
    public void Given_a_capacity_one_resource_Then_customers_are_served_fifo_and_using_releases()
    {
        var resource = new Resource(_sim, 1, "desk");
        _sim.Process(Customer(resource, "a", 0, 2));
        _sim.Process(Customer(resource, "b", 1, 2));
        _sim.Process(Customer(resource, "c", 1, 1));

        _sim.Run();

        Assert.Equal(["0 a got it", "2 a leaves", "2 b got it", "4 b leaves", "4 c got it", "5 c leaves"], _log);
        Assert.Equal(0, resource.InUse);
    }

    [Fact]
    public void Given_observers_Then_they_see_every_queue_and_busy_change_in_order()
    {
        var resource = new Resource(_sim, 1, "desk");
        var seen = new List<string>();
        resource.QueueLengthChanged += (t, n) => seen.Add($"q {t} {n}");
        resource.BusyChanged += (t, n) => seen.Add($"b {t} {n}");
        _sim.Process(Customer(resource, "a", 0, 2));
        _sim.Process(Customer(resource, "b", 1, 2));

        _sim.Run();

        Assert.Equal(["b 0 1", "q 1 1", "b 2 0", "b 2 1", "q 2 0", "b 4 0"], seen);
    }

    [Fact]
    public void Given_a_waiting_request_When_disposed_before_granted_Then_it_leaves_the_queue()
    {
        var resource = new Resource(_sim, 1, "desk");
        var first = resource.Request();
        var second = resource.Request();
        var third = resource.Request();

        second.Dispose();
        resource.Release(first);
        _sim.Run();

        Assert.True(third.IsOk);
        Assert.False(second.IsTriggered);
        Assert.Equal([third], resource.Users);
    }

    [Fact]
    public void Given_a_priority_resource_Then_waiting_requests_are_served_by_priority_then_fifo()
    {
        var resource = new PriorityResource(_sim, 1, "desk");
        var holder = resource.Request(0);
        var order = new List<string>();
        foreach (var (name, priority) in new[] { ("low", 5), ("high", 1), ("low2", 5), ("high2", 1) })
        {
            resource.Request(priority).AddCallback(e =>
            {
                order.Add(name);
                _sim.After(1, () => resource.Release((Request)e));
            });
        }

        _sim.After(1, () => resource.Release(holder));
        _sim.Run();

        Assert.Equal(["high", "high2", "low", "low2"], order);
    }

    [Fact]
    public void Given_a_preemptive_resource_Then_a_better_request_interrupts_the_worst_user_with_who_and_since_when()
    {
        var resource = new PreemptiveResource(_sim, 1, "machine");
        Process? worker = null;
        IEnumerable<Event> Worker()
        {
            using var request = resource.Request(priority: 5, preempt: false);
            yield return request;
            Log("worker starts");
            yield return _sim.Timeout(10);
            if (worker!.HandleFault())
            {
                var cause = (Preempted)((InterruptException)worker.Fault!).Cause!;
                Log($"worker preempted by {cause.By!.Name}, using since {cause.UsageSince}");
            }
        }

        IEnumerable<Event> Boss()
        {
            yield return _sim.Timeout(3);
            using var request = resource.Request(priority: 0, preempt: true);
            yield return request;
            Log("boss starts");
            yield return _sim.Timeout(2);
            Log("boss done");
        }

        worker = _sim.Process(Worker(), "worker");
        _sim.Process(Boss(), "boss");
        _sim.Run();

        Assert.Equal(["0 worker starts", "3 worker preempted by boss, using since 0", "3 boss starts", "5 boss done"], _log);
        Assert.Equal(0, resource.InUse);
    }

    [Fact]
    public void Given_a_preemptive_request_of_equal_priority_Then_it_waits_instead()
    {
        var resource = new PreemptiveResource(_sim, 1);
        var first = resource.Request(1, preempt: false);
        var second = resource.Request(1, preempt: true);

        _sim.Run();

        Assert.True(first.IsOk);
        Assert.False(second.IsTriggered);
        Assert.Equal(1, resource.QueueLength);
    }
}
