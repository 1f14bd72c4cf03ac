using System.Globalization;
using NetSim.Plots.Building;
using NetSim.Plots.Figures;
using NetSim.Traces;

namespace NetSim.Plots.Tests;

/// <summary>
/// Every named figure of <see cref="FigureCatalog"/> built from a database shaped like the
/// reproduction's (<see cref="ReproductionRuns"/>: the real scenario files and the params the commands
/// write), checked against the summary rows the test wrote: one series per policy or group with a
/// label of its own, the X values each run's scenario gives, and each point's mean and 95%
/// half-width computed here from those rows.
/// </summary>
public class PaperFigureTests
{
    private const string Proposed = "Proposed actor-critic (Zhou et al.)";

    private static readonly string[] ZhouAnalytic = ["greedy", "random", "least-latency", "optimal"];

    private static readonly Dictionary<string, string> ZhouLabels = new()
    {
        ["actor-critic"] = Proposed,
        ["greedy"] = "Greedy (Zhou et al.)",
        ["random"] = "Random",
    };

    private static readonly Dictionary<string, string> WangLabels = new()
    {
        ["maddpg-mato"] = "MADDPG-MATO",
        ["maddpg-nomodel"] = "MADDPG-NoModel",
        ["ddpg"] = "SADDPG",
        ["random"] = "Random",
        ["greedy-compatible"] = "Greedy-compatible",
    };

    private static readonly string[] WangAgents = ["maddpg-mato", "maddpg-nomodel", "ddpg"];

    private static readonly string[] WangAnalytic = ["random", "greedy-compatible", "least-latency"];

    /// <summary>Every policy the fixtures run, so that each gets values of its own.</summary>
    private static readonly string[] AllPolicies = ["actor-critic", "greedy", "random", "least-latency", "optimal", "sca-kkt", "greedy-compatible", "maddpg-mato", "maddpg-nomodel", "ddpg"];

    /// <summary>The replication's departure from the point's value: replications differ, so half-widths are not zero.</summary>
    private static readonly double[] Spread = [0, 0.13, -0.07, 0.21];

    private static string[] ZhouLearned(int boundMs) =>
    [
        "sweep.policies=[actor-critic]", "policy.options.time_scale=100ms", $"policy.checkpoint=results/papers/work/ckpt/zhou2024-actor-critic-{boundMs}ms.ckpt",
        $"ues.task_types.0.deadline={boundMs}ms", "sweep.replications=3",
    ];

    private static string[] WangLearned(string agent, int devices) =>
    [
        $"ues.count={devices}", "policy.options.time_scale=1s", "policy.options.batch=128", $"policy.checkpoint=results/papers/work/ckpt/wang2025-{agent}-n{devices}.ckpt",
    ];

    private static string Text(double x) => x.ToString(CultureInfo.InvariantCulture);

    /// <summary>A made-up value for a policy at X in replication r, different for each of them.</summary>
    private static double Value(string policy, double x, int r, double scale) => scale * (1 + Array.IndexOf(AllPolicies, policy) + (0.01 * x)) * (1 + Spread[r]);

    private static FigureData Build(FixtureDatabase db, string name)
    {
        using var reader = new TraceReader(db.PathName);
        return FigureBuilder.Build(reader, FigureCatalog.Find(name)!);
    }

    [Fact]
    public void Given_the_zhou2024_fig3_sweeps_When_the_figure_is_built_Then_each_policy_is_one_series_over_the_swept_N_with_the_mean_latency_and_half_width_of_its_runs()
    {
        using var db = new FixtureDatabase();
        var reproduction = new ReproductionRuns(db);
        var latency = new Expected();
        foreach (var n in new[] { 10, 25, 40 })
        {
            for (var r = 0; r < 3; r++)
            {
                foreach (var policy in ZhouAnalytic)
                {
                    var v = Value(policy, n, r, 0.01);
                    reproduction.Sweep("zhou2024/fig3.yaml", ["sweep.replications=3"], [("ues.count", Text(n))], policy, r, ReproductionRuns.Completed(v));
                    latency.Add(ZhouLabels.GetValueOrDefault(policy), n, v * 1e3);
                }

                var learned = Value("actor-critic", n, r, 0.01);
                reproduction.Sweep("zhou2024/zhou2024.yaml", ZhouLearned(15), [("ues.count", Text(n))], "actor-critic", r, ReproductionRuns.Completed(learned));
                latency.Add(Proposed, n, learned * 1e3);
            }
        }

        var figure = Build(db, "zhou2024-fig3");

        latency.Check(Assert.Single(figure.Panels), [Proposed, "Greedy (Zhou et al.)", "Random"], [10, 25, 40]);
    }

    [Fact]
    public void Given_the_actor_critic_sweeps_at_two_bounds_When_zhou2024_fig4_is_built_Then_each_bound_is_one_series_of_the_met_rate_times_N()
    {
        using var db = new FixtureDatabase();
        var reproduction = new ReproductionRuns(db);
        var met = new Expected();
        foreach (var bound in new[] { 15, 20 })
        {
            foreach (var n in new[] { 10, 40 })
            {
                for (var r = 0; r < 3; r++)
                {
                    var rate = Value("actor-critic", bound, r, 0.05);
                    reproduction.Sweep("zhou2024/zhou2024.yaml", ZhouLearned(bound), [("ues.count", Text(n))], "actor-critic", r, ReproductionRuns.Completed(0.1, deadlineMet: rate));
                    met.Add($"Latency bound {bound}ms", n, rate * n);
                }
            }
        }

        var figure = Build(db, "zhou2024-fig4");

        met.Check(Assert.Single(figure.Panels), ["Latency bound 15ms", "Latency bound 20ms"], [10, 40]);
    }

    [Fact]
    public void Given_the_actor_critic_training_When_zhou2024_fig5_is_built_Then_it_is_one_series_of_the_episode_rewards_and_their_trailing_mean()
    {
        using var db = new FixtureDatabase();
        var rewards = Enumerable.Range(0, 25).Select(e => -100.0 + (3 * e) + (e % 4)).ToList();
        new ReproductionRuns(db).Train("zhou2024/zhou2024.yaml", "actor-critic", ["policy.options.time_scale=100ms", "ues.task_types.0.deadline=15ms"], rewards);

        var figure = Build(db, "zhou2024-fig5");

        CheckConvergence(Assert.Single(figure.Panels), new() { [Proposed] = rewards });
    }

    [Fact]
    public void Given_the_four_weight_sweeps_When_wang2024_fig1_is_built_Then_each_weight_combination_and_random_is_one_series_over_the_budgets()
    {
        using var db = new FixtureDatabase();
        var reproduction = new ReproductionRuns(db);
        var panels = new[] { new Expected(), new Expected(), new Expected() };
        (string[] Sets, string Label)[] sweeps =
        [
            (["sweep.replications=2"], "(c1, c2, c3) = (1, 1, 1e-3)"),
            (["sweep.policies=[sca-kkt]", "policy.options.c1=10", "sweep.replications=2"], "(c1, c2, c3) = (10, 1, 1e-3)"),
            (["sweep.policies=[sca-kkt]", "policy.options.c2=10", "sweep.replications=2"], "(c1, c2, c3) = (1, 10, 1e-3)"),
            (["sweep.policies=[sca-kkt]", "policy.options.c3=0.01", "sweep.replications=2"], "(c1, c2, c3) = (1, 1, 0.01)"),
        ];
        for (var s = 0; s < sweeps.Length; s++)
        {
            var policies = s == 0 ? new[] { "sca-kkt", "random" } : ["sca-kkt"];
            foreach (var budget in new[] { 100, 1000, 3000 })
            {
                foreach (var policy in policies)
                {
                    for (var r = 0; r < 2; r++)
                    {
                        var latency = Value(policy, budget + s, r, 0.01);
                        var quality = Value(policy, s, r, 0.1);
                        var energy = Value(policy, budget * (s + 1), r, 1);
                        var summary = ReproductionRuns.Completed(latency, energy);
                        summary["mean_quality"] = quality;
                        reproduction.Sweep("wang2024/fig1.yaml", sweeps[s].Sets, [("policy.options.edge_steps_budget", Text(budget))], policy, r, summary);
                        var label = policy == "random" ? "Random" : sweeps[s].Label;
                        panels[0].Add(label, budget, latency * 1e3);
                        panels[1].Add(label, budget, quality);
                        panels[2].Add(label, budget, energy * 1e3);
                    }
                }
            }
        }

        var figure = Build(db, "wang2024-fig1");

        Assert.Equal(3, figure.Panels.Count);
        Assert.All(figure.Panels, p => Assert.Equal("Maximum edge diffusion steps S_e^max (steps)", p.XLabel));
        string[] labels = [.. sweeps.Select(s => s.Label), "Random"];
        for (var p = 0; p < 3; p++)
        {
            panels[p].Check(figure.Panels[p], labels, [100, 1000, 3000]);
        }
    }

    [Fact]
    public void Given_the_device_steps_sweep_When_wang2024_fig2_is_built_Then_each_device_step_limit_is_one_series_of_the_joint_objective()
    {
        using var db = new FixtureDatabase();
        var reproduction = new ReproductionRuns(db);
        var objective = new Expected();
        foreach (var device in new[] { 10, 20, 40 })
        {
            foreach (var budget in new[] { 100, 1000, 3000 })
            {
                for (var r = 0; r < 2; r++)
                {
                    var j = Value("sca-kkt", device + budget, r, -1);
                    var summary = ReproductionRuns.Completed(0.02);
                    summary["policy:joint_objective"] = j;
                    reproduction.Sweep("wang2024/fig2.yaml", ["sweep.replications=2"], [("policy.options.local_steps_max", Text(device)), ("policy.options.edge_steps_budget", Text(budget))], "sca-kkt", r, summary);
                    objective.Add($"S_0^max = {device}", budget, j);
                }
            }
        }

        var figure = Build(db, "wang2024-fig2");

        objective.Check(Assert.Single(figure.Panels), ["S_0^max = 10", "S_0^max = 20", "S_0^max = 40"], [100, 1000, 3000]);
    }

    [Fact]
    public void Given_the_three_trainings_When_wang2025_fig2_is_built_Then_each_agent_is_one_series_of_its_rewards_and_their_trailing_mean()
    {
        using var db = new FixtureDatabase();
        var reproduction = new ReproductionRuns(db);
        var expected = new Dictionary<string, List<double>>();
        foreach (var agent in WangAgents)
        {
            var rewards = Enumerable.Range(0, 14).Select(e => -80.0 + (agent.Length * e) - (e % 3)).ToList();
            reproduction.Train("wang2025/wang2025.yaml", agent, ["ues.count=10", "policy.options.time_scale=1s", "policy.options.batch=128"], rewards);
            expected[WangLabels[agent]] = rewards;
        }

        var figure = Build(db, "wang2025-fig2");

        CheckConvergence(Assert.Single(figure.Panels), expected);
    }

    [Fact]
    public void Given_the_runs_on_models_3_to_5_and_wang2025_When_wang2025_fig3_is_built_Then_each_file_is_drawn_at_the_number_of_models_its_tasks_need()
    {
        using var db = new FixtureDatabase();
        var reproduction = new ReproductionRuns(db);
        var panels = new[] { new Expected(), new Expected(), new Expected() };
        (string File, int Models)[] files = [("models-3.yaml", 3), ("models-4.yaml", 4), ("models-5.yaml", 5), ("wang2025.yaml", 6)];
        foreach (var (file, models) in files)
        {
            for (var r = 0; r < 3; r++)
            {
                void Run(string policy, string[] sets)
                {
                    var latency = Value(policy, models, r, 1);
                    var energy = Value(policy, models * 2, r, 1);
                    var completion = 1 - (0.01 * (models - 2) * (1 + Spread[r]));
                    var summary = ReproductionRuns.Completed(latency, energy);
                    summary["completion_rate"] = completion;
                    summary["tasks_unfinished"] = 100 * (1 - completion);
                    summary["mean_latency_all_lower_bound"] = latency * 1.5;
                    reproduction.Run($"wang2025/{file}", policy, sets, r, summary);
                    if (WangLabels.TryGetValue(policy, out var label))
                    {
                        // Every run leaves tasks unfinished, so panel (a) draws the lower bound over all created tasks.
                        panels[0].Add(label, models, latency * 1.5 * 1e3);
                        panels[1].Add(label, models, energy * 1e3);
                        panels[2].Add(label, models, completion * 100);
                    }
                }

                foreach (var policy in WangAnalytic)
                {
                    Run(policy, ["ues.count=10"]);
                }

                foreach (var agent in WangAgents)
                {
                    Run(agent, WangLearned(agent, 10));
                }

                Run("actor-critic", ["ues.count=10", "policy.options.time_scale=1s", "policy.checkpoint=results/papers/work/ckpt/wang2025-actor-critic.ckpt"]);
            }
        }

        var figure = Build(db, "wang2025-fig3");

        Assert.Equal(3, figure.Panels.Count);
        Assert.Equal(
            ["Mean latency (lower bound), all created tasks (ms)", "Mean energy per task, all created tasks (mJ)", "Completed, of all created tasks (%)"],
            figure.Panels.Select(p => p.YLabel));
        for (var p = 0; p < 3; p++)
        {
            panels[p].Check(figure.Panels[p], [.. WangLabels.Values], [3, 4, 5, 6]);
        }
    }

    [Fact]
    public void Given_the_device_sweep_and_the_learned_runs_When_wang2025_fig4_is_built_Then_each_policy_is_one_series_over_the_device_counts()
    {
        using var db = new FixtureDatabase();
        var reproduction = new ReproductionRuns(db);
        var panels = new[] { new Expected(), new Expected(), new Expected() };
        void Record(string policy, int devices, int r, Action<Dictionary<string, double>> write)
        {
            var latency = Value(policy, devices, r, 1);
            var energy = Value(policy, devices + 1, r, 1);
            var summary = ReproductionRuns.Completed(latency, energy);
            write(summary);
            if (WangLabels.TryGetValue(policy, out var label))
            {
                panels[0].Add(label, devices, latency * 1e3);
                panels[1].Add(label, devices, energy * 1e3);
                panels[2].Add(label, devices, 100);
            }
        }

        foreach (var devices in new[] { 5, 10, 15, 20 })
        {
            for (var r = 0; r < 3; r++)
            {
                foreach (var policy in WangAnalytic)
                {
                    Record(policy, devices, r, s => reproduction.Sweep("wang2025/wang2025.yaml", ["sweep.replications=3"], [("ues.count", Text(devices))], policy, r, s));
                }

                foreach (var agent in WangAgents)
                {
                    Record(agent, devices, r, s => reproduction.Run("wang2025/wang2025.yaml", agent, WangLearned(agent, devices), r, s));
                }
            }
        }

        var figure = Build(db, "wang2025-fig4");

        Assert.Equal(3, figure.Panels.Count);
        for (var p = 0; p < 3; p++)
        {
            panels[p].Check(figure.Panels[p], [.. WangLabels.Values], [5, 10, 15, 20]);
        }
    }

    [Fact]
    public void Given_the_catalog_Then_every_named_figure_is_checked_by_a_test_here()
    {
        var tested = typeof(PaperFigureTests).GetMethods().Select(m => m.Name).ToList();
        string[] names = ["zhou2024_fig3", "zhou2024_fig4", "zhou2024_fig5", "wang2024_fig1", "wang2024_fig2", "wang2025_fig2", "wang2025_fig3", "wang2025_fig4"];

        Assert.Equal(names.Select(n => n.Replace('_', '-')).Order(), FigureCatalog.All.Select(f => f.Name).Order());
        Assert.All(names, n => Assert.Contains(tested, m => m.Contains(n, StringComparison.Ordinal)));
    }

    /// <summary>One labelled series per agent whose X are the episodes and Y the trailing mean of 10 rewards, over a faint series of the rewards.</summary>
    private static void CheckConvergence(Panel panel, Dictionary<string, List<double>> rewards)
    {
        var lines = panel.Series.Where(s => s.Label is not null).ToList();
        Assert.Equal(rewards.Keys.Order(), lines.Select(s => s.Label!).Order());
        foreach (var line in lines)
        {
            var raw = rewards[line.Label!];
            Assert.Equal(Enumerable.Range(0, raw.Count).Select(e => (double)e), line.X);
            for (var e = 0; e < raw.Count; e++)
            {
                var from = Math.Max(0, e - 9);
                Assert.Equal(raw.Skip(from).Take(e - from + 1).Average(), line.Y[e], 1e-9);
            }

            var faint = Assert.Single(panel.Series, s => s.Label is null && s.Color == line.Color);
            Assert.Equal(raw, faint.Y);
        }
    }

    /// <summary>The values written for each series and X, and the check of a panel against them.</summary>
    private sealed class Expected
    {
        private readonly Dictionary<string, SortedDictionary<double, List<double>>> _points = new(StringComparer.Ordinal);

        /// <summary>Records a run's value in the units drawn; a null series is a policy the figure leaves out.</summary>
        public void Add(string? series, double x, double value)
        {
            if (series is null)
            {
                return;
            }

            if (!_points.TryGetValue(series, out var points))
            {
                _points[series] = points = [];
            }

            if (!points.TryGetValue(x, out var values))
            {
                points[x] = values = [];
            }

            values.Add(value);
        }

        /// <summary>
        /// The panel has exactly the series <paramref name="labels"/>, each at exactly the X values
        /// <paramref name="xs"/>, each point the mean of the values written there with its 95% half-width.
        /// </summary>
        public void Check(Panel panel, string[] labels, double[] xs)
        {
            Assert.Equal(labels.Order(), panel.Series.Select(s => s.Label!).Order());
            Assert.Equal(labels.Order(), _points.Keys.Order());
            foreach (var series in panel.Series)
            {
                Assert.Equal(xs, series.X);
                var points = _points[series.Label!];
                Assert.Equal(xs, points.Keys);
                for (var i = 0; i < xs.Length; i++)
                {
                    var values = points[xs[i]];
                    var mean = values.Average();
                    Assert.Equal(mean, series.Y[i], 1e-9 * Math.Abs(mean));
                    var half = StudentT.HalfWidth(values);
                    Assert.Equal(half, series.Error![i], 1e-9 * Math.Max(Math.Abs(half), 1e-12));
                }
            }
        }
    }
}
