using NetSim.Network.Building;
using NetSim.Network.Geometry;
using NetSim.Network.Scheduling;
using NetSim.Network.Tasks;
using NetSim.Policies.Optimal;
using NetSim.Policies.Tests.Support;

namespace NetSim.Policies.Tests.Optimal;

public class WorldRunTests
{
    // Two stations 2 km apart; UE 0 and UE 3 close to a station, UE 1 at 300 m, UE 2 far from both.
    private static WorldSpec Small() => ZhouWorlds.Points(
        [new Point(100, 0), new Point(-300, 0), new Point(1000, 900), new Point(1800, 100)],
        [new Point(0, 0), new Point(2000, 0)],
        [
            new TraceArrival(0, 0, 0, double.NaN), new TraceArrival(0, 1, 0, double.NaN), new TraceArrival(0, 2, 0, double.NaN), new TraceArrival(0, 3, 0, double.NaN),
            new TraceArrival(0.2, 0, 0, double.NaN), new TraceArrival(0.3, 3, 0, double.NaN),
            new TraceArrival(1.1, 1, 0, double.NaN), new TraceArrival(1.2, 0, 0, double.NaN), new TraceArrival(1.3, 3, 0, double.NaN),
        ],
        slot: 0.5,
        sizeBits: 1.2e6);

    private static List<Network.Recording.TaskRecord> Run(IPolicy policy)
    {
        var recorder = new ListRecorder();
        WorldBuilder.Build(Small(), _ => policy, recorder).Run();
        return recorder.Tasks.OrderBy(t => t.TaskId).ToList();
    }

    [Fact]
    public void Given_a_small_world_When_run_with_optimal_and_with_exhaustive_Then_every_task_is_identical()
    {
        var optimalPolicy = new OptimalPolicy(ZhouWorlds.Context("optimal"));
        var optimal = Run(optimalPolicy);
        var exhaustive = Run(new ExhaustivePolicy(ZhouWorlds.Context("exhaustive")));

        // Slots of 0.5 s: the tasks at 0 s, those at 0.2 and 0.3 s, and those after 1 s make three epochs.
        Assert.Equal(3, optimalPolicy.Metrics["epochs"]);
        Assert.Equal(1, optimalPolicy.Metrics["proven_optimal_rate"]);
        Assert.InRange(optimalPolicy.Metrics["max_relative_gap"], 0, 1e-5);

        Assert.Equal(9, optimal.Count);
        Assert.Equal(exhaustive, optimal);
        Assert.Contains(optimal, t => t.Target == "local");
        Assert.Contains(optimal, t => t.Target == "edge:0");
        Assert.Contains(optimal, t => t.Target == "edge:1");
    }

    [Fact]
    public void Given_a_batch_of_nine_tasks_When_exhaustive_decides_Then_it_refuses_with_a_clear_message()
    {
        var spec = ZhouWorlds.ZhouLike(ues: 9, stations: 2, seed: 1, slots: 1);

        var error = Assert.Throws<PolicyException>(() => WorldBuilder.Build(spec, _ => new ExhaustivePolicy(ZhouWorlds.Context("exhaustive")), new ListRecorder()).Run());

        Assert.Contains("9 tasks, more than the 8 it enumerates", error.Message);
        Assert.Contains("use 'optimal'", error.Message);
    }

    [Fact]
    public void Given_a_time_limit_option_When_the_policy_is_built_Then_it_is_read_with_its_unit_and_bad_options_are_refused()
    {
        Assert.Equal(0.25, new OptimalPolicy(ZhouWorlds.Context("optimal", 1, ("time_limit", "250ms"))).TimeLimit, 12);
        Assert.Equal(OptimalPolicy.DefaultTimeLimit, new OptimalPolicy(ZhouWorlds.Context("optimal")).TimeLimit);
        Assert.Contains("time_limit", Assert.Throws<PolicyException>(() => new OptimalPolicy(ZhouWorlds.Context("optimal", 1, ("time_limit", "10MHz")))).Message);
        Assert.Contains("unknown option 'limit'", Assert.Throws<PolicyException>(() => new OptimalPolicy(ZhouWorlds.Context("optimal", 1, ("limit", "1s")))).Message);
        Assert.Contains("not one of none, penalty, hard", Assert.Throws<PolicyException>(() => new ExhaustivePolicy(ZhouWorlds.Context("exhaustive", 1, ("deadline", "soft")))).Message);
    }

    [Fact]
    public void Given_a_forty_task_slot_and_a_one_millisecond_limit_When_optimal_decides_Then_it_reports_its_time_limit_status_and_a_non_negative_gap()
    {
        var policy = new OptimalPolicy(ZhouWorlds.Context("optimal", 1, ("time_limit", "1ms")));
        var spec = ZhouWorlds.ZhouLike(ues: 40, stations: 5, seed: 2, slots: 1);

        WorldBuilder.Build(spec, _ => policy, new ListRecorder()).Run();

        var solution = policy.LastSolution!;
        Assert.Equal(SolveStatus.Feasible, solution.Status);
        Assert.Equal(0, policy.Metrics["proven_optimal_rate"]);
        Assert.Equal(40, solution.Assignment.Length);
        Assert.True(solution.Gap >= 0);
        Assert.True(solution.Bound <= solution.Objective);
    }

    [Fact]
    public void Given_a_zhou_like_world_When_run_twice_with_optimal_Then_every_task_is_identical()
    {
        var spec = ZhouWorlds.ZhouLike(ues: 20, stations: 5, seed: 4, slots: 3);
        var first = new ListRecorder();
        var second = new ListRecorder();

        WorldBuilder.Build(spec, _ => new OptimalPolicy(ZhouWorlds.Context("optimal")), first).Run();
        WorldBuilder.Build(spec, _ => new OptimalPolicy(ZhouWorlds.Context("optimal")), second).Run();

        Assert.Equal(60, first.Tasks.Count);
        Assert.Equal(first.Tasks, second.Tasks);
    }

    [Fact]
    public void Given_hard_deadlines_no_option_meets_When_optimal_decides_Then_it_fails_with_a_clear_message()
    {
        // Table I: local takes 167 ms and a lone task on a server at least 13 ms of compute plus
        // its upload, against bounds of 10 to 20 ms.
        var spec = ZhouWorlds.ZhouLike(ues: 6, stations: 3, seed: 1, slots: 1);

        var error = Assert.Throws<PolicyException>(() => WorldBuilder.Build(spec, _ => new OptimalPolicy(ZhouWorlds.Context("optimal", 1, ("deadline", "hard"))), new ListRecorder()).Run());

        Assert.Contains("meets every deadline (deadline: hard)", error.Message);
    }
}
