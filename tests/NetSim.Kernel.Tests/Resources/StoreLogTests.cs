using NetSim.Kernel.Events;
using NetSim.Kernel.Resources;

namespace NetSim.Kernel.Tests.Resources;

public class StoreLogTests
{
    private readonly Simulation _sim = new();
    private readonly List<string> _log = new();

    private void Log(string what) => _log.Add($"{_sim.Now:0.###} {what}");

    [Fact]
    public void Given_a_capacity_two_store_Then_the_producer_blocks_when_full_and_the_consumer_when_empty()
    {
        var store = new Store<int>(_sim, 2, "buffer");
        IEnumerable<Event> Producer()
        {
            for (var i = 1; i <= 4; i++)
            {
                yield return store.Put(i);
                Log($"put {i}");
            }
        }

        IEnumerable<Event> Consumer()
        {
            yield return _sim.Timeout(5);
            for (var i = 0; i < 4; i++)
            {
                var get = store.Get();
                yield return get;
                Log($"got {get.Item}");
                yield return _sim.Timeout(1);
            }
        }

        _sim.Process(Producer());
        _sim.Process(Consumer());
        _sim.Run();

        Assert.Equal(["0 put 1", "0 put 2", "5 got 1", "5 put 3", "6 got 2", "6 put 4", "7 got 3", "8 got 4"], _log);
    }

    [Fact]
    public void Given_a_filter_store_Then_a_get_waits_for_a_matching_item_and_others_pass_it()
    {
        var store = new FilterStore<string>(_sim);
        IEnumerable<Event> WantsB()
        {
            var get = store.Get(s => s.StartsWith('b'));
            yield return get;
            Log($"b-getter got {get.Item}");
        }

        IEnumerable<Event> WantsAny()
        {
            yield return _sim.Timeout(2);
            var get = store.Get();
            yield return get;
            Log($"any-getter got {get.Item}");
        }

        _sim.Process(WantsB());
        _sim.Process(WantsAny());
        _sim.After(1, () => store.Put("apple"));
        _sim.After(3, () => store.Put("banana"));
        _sim.Run();

        Assert.Equal(["2 any-getter got apple", "3 b-getter got banana"], _log);
    }

    [Fact]
    public void Given_a_container_Then_gets_wait_for_the_level_and_puts_for_room_in_order()
    {
        var tank = new Container(_sim, capacity: 10, initial: 2, "tank");
        var levels = new List<string>();
        tank.LevelChanged += (t, level) => levels.Add($"{t} {level}");
        IEnumerable<Event> Drain()
        {
            yield return tank.Get(5);
            Log($"took 5, level {tank.Level}");
        }

        IEnumerable<Event> Fill()
        {
            yield return _sim.Timeout(1);
            yield return tank.Put(4);
            Log($"put 4, level {tank.Level}");
            yield return tank.Put(9);
            Log($"put 9, level {tank.Level}");
        }

        _sim.Process(Drain());
        _sim.Process(Fill());
        _sim.Run();

        Assert.Equal(["1 put 4, level 1", "1 took 5, level 10", "1 put 9, level 10"], _log);
        Assert.Equal(["1 1", "1 10"], levels);
    }
}
