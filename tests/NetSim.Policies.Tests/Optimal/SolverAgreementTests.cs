using NetSim.Policies.Optimal;
using NetSim.Policies.Tests.Support;

namespace NetSim.Policies.Tests.Optimal;

public class SolverAgreementTests
{
    public static TheoryData<int, DeadlineMode> Seeds()
    {
        var data = new TheoryData<int, DeadlineMode>();
        for (var seed = 1; seed <= 40; seed++)
        {
            data.Add(seed, DeadlineMode.None);
        }

        for (var seed = 41; seed <= 50; seed++)
        {
            data.Add(seed, DeadlineMode.Penalty);
        }

        for (var seed = 51; seed <= 60; seed++)
        {
            data.Add(seed, DeadlineMode.Hard);
        }

        return data;
    }

    // 60 random batches of 1..8 tasks on 1..5 servers (fixed seeds). Enumeration is exact; CP-SAT is
    // optimal up to its stated scaling error (the largest cost times 1e-6), so the two objectives
    // must agree within that error, and CP-SAT can never beat the enumeration.
    [Theory]
    [MemberData(nameof(Seeds))]
    public void Given_a_random_small_batch_When_solved_by_cp_sat_and_by_enumeration_Then_the_objectives_agree_within_the_scaling_error(int seed, DeadlineMode mode)
    {
        var random = new Random(seed);
        var tasks = 1 + random.Next(8);
        var servers = 1 + random.Next(5);
        var problem = RandomProblems.Zhou(random, tasks, servers, new EpochSettings(mode, 0.05));

        var exact = ExhaustiveSolver.Solve(problem);
        var cpSat = CpSatSolver.Solve(problem, timeLimitSeconds: 30);

        Assert.Equal(exact.Status, cpSat.Status);
        if (exact.Status == SolveStatus.Infeasible)
        {
            return;
        }

        Assert.Equal(SolveStatus.Optimal, cpSat.Status);
        Assert.True(cpSat.ScalingError > 0 && cpSat.ScalingError < 1e-5, $"scaling error {cpSat.ScalingError}");
        Assert.InRange(cpSat.Objective, exact.Objective - 1e-12, exact.Objective + cpSat.ScalingError + 1e-12);
        Assert.Equal(cpSat.Objective, problem.Evaluate(cpSat.Assignment), 15);
        Assert.InRange(cpSat.Bound, exact.Objective - cpSat.ScalingError - 1e-12, exact.Objective + 1e-12);
    }

    [Fact]
    public void Given_the_random_batches_When_all_are_generated_Then_they_cover_one_to_eight_tasks_the_edge_and_both_outcomes_of_hard_deadlines()
    {
        var sizes = new HashSet<int>();
        var offloading = 0;
        var feasibleHard = 0;
        var infeasibleHard = 0;
        foreach (var row in Seeds())
        {
            var random = new Random((int)row[0]);
            var tasks = 1 + random.Next(8);
            var problem = RandomProblems.Zhou(random, tasks, 1 + random.Next(5), new EpochSettings((DeadlineMode)row[1], 0.05));
            sizes.Add(tasks);
            var exact = ExhaustiveSolver.Solve(problem);
            offloading += exact.Assignment.Any(t => t != EpochProblem.Local) ? 1 : 0;
            if ((DeadlineMode)row[1] == DeadlineMode.Hard)
            {
                feasibleHard += exact.Status == SolveStatus.Optimal ? 1 : 0;
                infeasibleHard += exact.Status == SolveStatus.Infeasible ? 1 : 0;
            }
        }

        Assert.Equal(8, sizes.Count);
        Assert.True(feasibleHard >= 3 && infeasibleHard >= 1, $"hard deadlines: {feasibleHard} feasible, {infeasibleHard} infeasible");
        Assert.True(offloading >= 30, $"only {offloading} of 60 optima offload anything: the instances would not test the edge model");
    }

    [Fact]
    public void Given_nine_tasks_When_enumeration_is_asked_Then_it_refuses()
    {
        var problem = RandomProblems.Zhou(new Random(3), 9, 2);

        var error = Assert.Throws<ArgumentException>(() => ExhaustiveSolver.Solve(problem));
        Assert.Contains("9 tasks", error.Message);
    }

    [Fact]
    public void Given_a_large_batch_and_a_tiny_time_limit_When_cp_sat_stops_early_Then_it_reports_a_non_negative_gap_to_a_valid_bound()
    {
        var problem = RandomProblems.Zhou(new Random(5), 150, 10);

        var cut = CpSatSolver.Solve(problem, timeLimitSeconds: 0.001);

        Assert.Equal(SolveStatus.Feasible, cut.Status);
        Assert.True(cut.Gap >= 0);
        Assert.True(cut.Bound >= problem.TrivialLowerBound - 1e-15);
        Assert.Equal(cut.Objective, problem.Evaluate(cut.Assignment), 15);
        Assert.Equal(cut.Objective - cut.Bound, cut.Gap, 15);
    }

    [Fact]
    public void Given_no_edge_server_When_solved_Then_both_solvers_run_every_task_locally()
    {
        var problem = EpochProblemFactory.FromRates([0.1, 0.2], [1e6, 1e6], new double[2, 0], new double[2, 0], []);

        var exact = ExhaustiveSolver.Solve(problem);
        var cpSat = CpSatSolver.Solve(problem, timeLimitSeconds: 10);

        Assert.Equal([EpochProblem.Local, EpochProblem.Local], exact.Assignment);
        Assert.Equal([EpochProblem.Local, EpochProblem.Local], cpSat.Assignment);
        Assert.Equal(0.15, cpSat.Objective, 15);
        Assert.Equal(SolveStatus.Optimal, cpSat.Status);
    }
}
