using NetSim.Plots.Building;
using NetSim.Plots.Figures;
using NetSim.Traces;

namespace NetSim.Plots.Tests;

public class SweepFigureTests
{
    private const double Tolerance = 1e-9;

    private static Dictionary<string, string> At(int ues) => new() { ["ues.count"] = ues.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    private static Dictionary<string, double> Latency(double seconds) => new() { ["mean_latency"] = seconds, ["completion_rate"] = 1 };

    private static void ZhouRuns(FixtureDatabase db)
    {
        db.Run("greedy", At(10), Latency(0.010));
        db.Run("greedy", At(10), Latency(0.012), replication: 1);
        db.Run("greedy", At(10), Latency(0.014), replication: 2);
        db.Run("greedy", At(20), Latency(0.020));
        db.Run("greedy", At(20), Latency(0.030), replication: 1);
        db.Run("random", At(10), Latency(0.050));
        db.Run("local", At(10), Latency(0.5));
    }

    [Fact]
    public void Given_replications_at_two_grid_points_When_the_latency_figure_is_built_Then_each_point_is_the_mean_with_its_student_t_half_width()
    {
        using var db = new FixtureDatabase();
        ZhouRuns(db);
        db.Run("actor-critic", At(10), Latency(0.008));
        db.Run("actor-critic", At(20), Latency(0.009));
        using var reader = new TraceReader(db.PathName);

        var figure = FigureBuilder.Build(reader, FigureCatalog.Find("zhou2024-fig3")!);

        var panel = Assert.Single(figure.Panels);
        Assert.Equal("Mean latency, completed tasks (ms)", panel.YLabel);
        Assert.Equal(["Proposed actor-critic (Zhou et al.)", "Greedy (Zhou et al.)", "Random"], panel.Series.Select(s => s.Label));
        var greedy = panel.Series[1];
        Assert.Equal([10.0, 20.0], greedy.X);
        Assert.Equal(12, greedy.Y[0], Tolerance);
        Assert.Equal(25, greedy.Y[1], Tolerance);
        Assert.Equal(StudentT.HalfWidth(StudentT.Df2, 10, 12, 14), greedy.Error![0], Tolerance);
        Assert.Equal(StudentT.Df1 * 5, greedy.Error[1], Tolerance);
        var random = panel.Series[2];
        Assert.Equal([10.0], random.X);
        Assert.Equal(50, random.Y[0], Tolerance);
        Assert.True(double.IsNaN(random.Error![0]));
    }

    [Fact]
    public void Given_two_deadlines_When_zhou_fig4_is_built_Then_the_met_rate_times_the_number_of_UEs_is_drawn_per_bound()
    {
        using var db = new FixtureDatabase();
        Dictionary<string, string> At(string bound) => new() { ["ues.count"] = "10", ["ues.task_types.0.deadline"] = bound };
        db.Run("actor-critic", At("15ms"), new Dictionary<string, double> { ["deadline_met_rate"] = 0.5 });
        db.Run("actor-critic", At("15ms"), new Dictionary<string, double> { ["deadline_met_rate"] = 0.7 }, replication: 1);
        db.Run("actor-critic", At("20ms"), new Dictionary<string, double> { ["deadline_met_rate"] = 0.9 });
        using var reader = new TraceReader(db.PathName);

        var figure = FigureBuilder.Build(reader, FigureCatalog.Find("zhou2024-fig4")!);

        var series = Assert.Single(figure.Panels).Series;
        Assert.Equal(["Latency bound 15ms", "Latency bound 20ms"], series.Select(s => s.Label));
        Assert.Equal(6, series[0].Y[0], Tolerance);
        Assert.Equal(StudentT.HalfWidth(StudentT.Df1, 5, 7), series[0].Error![0], Tolerance);
        Assert.Equal(9, series[1].Y[0], Tolerance);
    }

    [Fact]
    public void Given_a_key_that_no_run_swept_Then_it_is_read_from_the_resolved_scenario_and_count_of_a_list_counts_its_entries()
    {
        using var db = new FixtureDatabase();
        const string yaml = "ues:\n  count: 7\nmodels:\n  - name: a\n  - name: b\n  - name: c\n";
        db.Run("ddpg", summary: Latency(0.004), yaml: yaml);
        db.Run("ddpg", summary: Latency(0.006), yaml: yaml, replication: 1);
        using var reader = new TraceReader(db.PathName);

        var byModels = FigureBuilder.Build(reader, new FigureSpec { Name = "t", Kind = FigureKind.Sweep, X = "count(models)", Metrics = [MetricLabels.For("mean_latency")] });
        var byUes = FigureBuilder.Build(reader, new FigureSpec { Name = "t", Kind = FigureKind.Sweep, X = "ues.count", Metrics = [MetricLabels.For("mean_latency")] });

        Assert.Equal([3.0], byModels.Panels[0].Series[0].X);
        Assert.Equal(5, byModels.Panels[0].Series[0].Y[0], Tolerance);
        Assert.Equal([7.0], byUes.Panels[0].Series[0].X);
    }

    [Fact]
    public void Given_task_types_sharing_a_model_Then_distinct_counts_the_models_they_need_and_count_the_types()
    {
        using var db = new FixtureDatabase();
        const string yaml = "ues:\n  task_types:\n    - {name: a, model: m1}\n    - {name: b, model: m2}\n    - {name: c, model: m1}\nmodels:\n  - {name: m1}\n  - {name: m2}\n  - {name: m3}\n";
        db.Run("ddpg", summary: Latency(0.004), yaml: yaml);
        using var reader = new TraceReader(db.PathName);

        FigureData By(string x) => FigureBuilder.Build(reader, new FigureSpec { Name = "t", Kind = FigureKind.Sweep, X = x, Metrics = [MetricLabels.For("mean_latency")] });

        Assert.Equal([2.0], By("distinct(ues.task_types.*.model)").Panels[0].Series[0].X);
        Assert.Equal([3.0], By("count(ues.task_types)").Panels[0].Series[0].X);
        Assert.Equal([3.0], By("count(models)").Panels[0].Series[0].X);
    }

    private static Dictionary<string, double> Latencies(double completed, double allTasks, double completion) => new()
    {
        ["mean_latency"] = completed,
        ["mean_latency_all_lower_bound"] = allTasks,
        ["completion_rate"] = completion,
    };

    [Fact]
    public void Given_random_completing_20_percent_of_its_tasks_at_N_40_When_zhou2024_fig3_is_built_Then_every_series_is_the_lower_bound_over_all_created_tasks_and_the_axis_says_so()
    {
        using var db = new FixtureDatabase();
        db.Run("actor-critic", At(10), Latencies(0.008, 0.008, 1));
        db.Run("actor-critic", At(40), Latencies(0.010, 0.010, 1));
        db.Run("greedy", At(10), Latencies(0.012, 0.012, 1));
        db.Run("greedy", At(40), Latencies(0.400, 0.400, 1));
        db.Run("random", At(10), Latencies(2, 2, 1));

        // The fifth of random's tasks that completed at N = 40 were its fast ones; the rest waited 30 s or more.
        db.Run("random", At(40), Latencies(0.050, 30, 0.2));
        db.Run("random", At(40), Latencies(0.070, 32, 0.2), replication: 1);
        using var reader = new TraceReader(db.PathName);

        var figure = FigureBuilder.Build(reader, FigureCatalog.Find("zhou2024-fig3")!);

        var panel = Assert.Single(figure.Panels);
        Assert.Equal("Mean latency (lower bound), all created tasks (ms)", panel.YLabel);
        Assert.True(panel.LogY);
        Assert.Equal([10.0, 40], panel.Series[2].X);
        Assert.Equal(2000, panel.Series[2].Y[0], Tolerance);
        Assert.Equal(31000, panel.Series[2].Y[1], Tolerance);
        Assert.Equal(StudentT.HalfWidth(StudentT.Df1, 30000, 32000), panel.Series[2].Error![1], 1e-6);
        Assert.Equal(400, panel.Series[1].Y[1], Tolerance);
        Assert.Contains("lower bound", FigureCatalog.Find("zhou2024-fig3")!.Caption, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_every_run_completing_every_task_When_zhou2024_fig3_is_built_Then_it_draws_the_mean_latency_of_completed_tasks()
    {
        using var db = new FixtureDatabase();
        db.Run("actor-critic", At(10), Latency(0.008));
        db.Run("greedy", At(10), Latency(0.012));
        db.Run("random", At(10), Latency(0.050));
        using var reader = new TraceReader(db.PathName);

        var panel = Assert.Single(FigureBuilder.Build(reader, FigureCatalog.Find("zhou2024-fig3")!).Panels);

        Assert.Equal("Mean latency, completed tasks (ms)", panel.YLabel);
        Assert.Equal(50, panel.Series[2].Y[0], Tolerance);
    }

    [Fact]
    public void Given_unfinished_tasks_in_a_run_without_the_lower_bound_When_zhou2024_fig3_is_built_Then_the_error_names_the_metric_and_the_run()
    {
        using var db = new FixtureDatabase();
        db.Run("actor-critic", At(10), Latencies(0.008, 0.008, 1));
        db.Run("greedy", At(10), Latencies(0.012, 0.012, 1));
        var old = db.Run("random", At(10), new Dictionary<string, double> { ["mean_latency"] = 0.05, ["tasks_created"] = 10, ["tasks_unfinished"] = 8 });
        using var reader = new TraceReader(db.PathName);

        var error = Assert.Throws<MissingDataException>(() => FigureBuilder.Build(reader, FigureCatalog.Find("zhou2024-fig3")!));

        Assert.Contains($"'mean_latency_all_lower_bound', which run {old} did not record", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_missing_policy_metric_or_parameter_When_a_figure_is_built_Then_the_error_names_it()
    {
        using var db = new FixtureDatabase();
        ZhouRuns(db);
        using var reader = new TraceReader(db.PathName);

        var policy = Assert.Throws<MissingDataException>(() => FigureBuilder.Build(reader, FigureCatalog.Find("zhou2024-fig3")!));
        var metric = Assert.Throws<MissingDataException>(() => FigureBuilder.Build(reader, new FigureSpec { Name = "t", Kind = FigureKind.Sweep, X = "ues.count", Metrics = [new("joint_objective", "J")] }));
        var parameter = Assert.Throws<MissingDataException>(() => FigureBuilder.Build(reader, FigureCatalog.Find("wang2024-fig2")! with { Policies = ["greedy"] }));
        var episodes = Assert.Throws<MissingDataException>(() => FigureBuilder.Build(reader, FigureCatalog.Find("wang2025-fig2")!));

        Assert.Contains("'actor-critic' (Proposed actor-critic (Zhou et al.))", policy.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("greedy", policy.Message, StringComparison.Ordinal);
        Assert.Contains("metric 'joint_objective'", metric.Message, StringComparison.Ordinal);
        Assert.Contains("'policy.options.edge_steps_budget'", parameter.Message, StringComparison.Ordinal);
        Assert.Contains("episodes table is empty", episodes.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_weight_combinations_and_a_random_baseline_When_wang2024_fig1_is_built_Then_a_series_per_combination_and_one_for_random()
    {
        using var db = new FixtureDatabase();
        Dictionary<string, string> Point(int budget, string? c3 = null)
        {
            var p = new Dictionary<string, string> { ["policy.options.edge_steps_budget"] = $"{budget}" };
            if (c3 is not null)
            {
                p["policy.options.c3"] = c3;
            }

            return p;
        }

        const string yaml = "policy:\n  name: sca-kkt\n  options: {c1: 1, c2: 1, c3: 0.001}\n";
        var metrics = new Dictionary<string, double> { ["mean_latency"] = 0.002, ["mean_quality"] = 0.5, ["mean_energy_j"] = 1 };
        db.Run("sca-kkt", Point(500, "0.001"), metrics, yaml: yaml);
        db.Run("sca-kkt", Point(500, "0.01"), metrics, yaml: yaml);
        db.Run("random", Point(500, "0.001"), metrics, yaml: yaml);
        db.Run("random", Point(500, "0.01"), metrics, yaml: yaml, replication: 1);
        db.Run("sca-kkt", Point(1000, "0.001"), metrics, yaml: yaml);
        using var reader = new TraceReader(db.PathName);

        var figure = FigureBuilder.Build(reader, FigureCatalog.Find("wang2024-fig1")!);

        Assert.Equal(3, figure.Panels.Count);
        Assert.Equal(["(a)", "(b)", "(c)"], figure.Panels.Select(p => p.Title));
        var series = figure.Panels[1].Series;
        Assert.Equal(["(c1, c2, c3) = (1, 1, 0.001)", "(c1, c2, c3) = (1, 1, 0.01)", "Random"], series.Select(s => s.Label));
        Assert.Equal([500.0, 1000], series[0].X);
        Assert.Equal([500.0], series[2].X);
        Assert.Equal(0.5, series[2].Y[0], Tolerance);
        Assert.Equal(0, series[2].Error![0], Tolerance);
    }
}
