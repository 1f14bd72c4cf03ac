using NetSim.Network.Metrics;

namespace NetSim.Plots.Figures;

/// <summary>
/// Every paper figure NetSim reproduces, defined as data in this one place: X parameter, Y metrics,
/// grouping, filters and labels. Parameters are key paths as in <c>sweep.parameters</c> and
/// <c>--set</c>; a key that a run did not sweep is read from its resolved scenario, where
/// <c>count(path)</c> is the number of entries of a list and <c>distinct(path)</c> the number of
/// different values at a path (see <see cref="Data.ScenarioValues"/>). Metric labels come from the
/// metric catalog (<see cref="MetricLabels"/>).
/// </summary>
public static class FigureCatalog
{
    /// <summary>S_e^max of Wang, Liu and Zhao: the steps budget of the edge server (a sca-kkt option).</summary>
    private const string EdgeSteps = "policy.options.edge_steps_budget";

    /// <summary>S_0^max: the most steps of a task on its device (a sca-kkt option).</summary>
    private const string DeviceSteps = "policy.options.local_steps_max";

    /// <summary>The algorithms of Wang, Li and Wang's Figs. 3 and 4 (section IV-A's baselines).</summary>
    private static readonly string[] Wang2025Policies = ["maddpg-mato", "maddpg-nomodel", "ddpg", "random", "greedy-compatible"];

    /// <summary>
    /// The number of AIGC models the tasks need: each task type names its model, and
    /// scenarios/papers/wang2025/models-3.yaml to models-5.yaml keep wang2025.yaml's six models but
    /// give the devices 3 to 5 task types, so the tasks need 3 to 5 of them (Fig. 3 of Wang, Li and
    /// Wang: "the number of required AIGC model types").
    /// </summary>
    private const string RequiredModels = "distinct(ues.task_types.*.model)";

    /// <summary>
    /// Mean latency of completed tasks; where a plotted run left tasks unfinished or dropped, the
    /// panel draws the lower bound over all created tasks instead (<see cref="MetricSpec.IfUnfinished"/>).
    /// </summary>
    private static readonly MetricSpec Latency = MetricLabels.For(MetricCatalog.MeanLatency.Name) with { IfUnfinished = MetricLabels.For(MetricCatalog.MeanLatencyAllTasks.Name) };
    private static readonly MetricSpec Energy = MetricLabels.For(MetricCatalog.MeanEnergy.Name);

    /// <summary>Latency on a log scale: the random baselines of Zhou et al. and Wang, Li and Wang collapse the uplink, seconds to minutes against milliseconds.</summary>
    private static readonly MetricSpec LogLatency = Latency with { LogY = true };

    /// <summary>Energy on a log scale, for the same reason.</summary>
    private static readonly MetricSpec LogEnergy = Energy with { LogY = true };
    private static readonly MetricSpec Completion = MetricLabels.For(MetricCatalog.CompletionRate.Name);

    /// <summary>What a latency panel shows, for the captions.</summary>
    private const string LatencyNote = "latency is the mean over completed tasks or, where a plotted run left tasks unfinished or dropped, "
        + "the mean over all created tasks, an unfinished task counted by its age at the end of the run and a dropped one by its age "
        + "when dropped: a lower bound (the axis says which)";

    /// <summary>The named figures, by name.</summary>
    public static IReadOnlyList<FigureSpec> All { get; } =
    [
        new()
        {
            Name = "zhou2024-fig3",
            Caption = "Zhou et al., Fig. 3: AIGC latency of the proposed actor-critic, greedy and random offloading against the number of UEs (10 to 40); " + LatencyNote,
            Kind = FigureKind.Sweep,
            X = "ues.count",
            XLabel = "Number of UEs",
            Metrics = [LogLatency],
            Policies = ["actor-critic", "greedy", "random"],
        },
        new()
        {
            Name = "zhou2024-fig4",
            Caption = "Zhou et al., Fig. 4: number of UEs meeting the 15 ms and 20 ms latency bounds against the number of UEs (deadline-met rate times N: one task per UE per slot)",
            Kind = FigureKind.Sweep,
            X = "ues.count",
            XLabel = "Number of UEs",
            Metrics = [new("deadline_met_rate", "UEs meeting the latency bound", 1, TimesX: true)],
            Policies = ["actor-critic"],
            By = ["policy", "ues.task_types.0.deadline"],
            SeriesLabel = "Latency bound {ues.task_types.0.deadline}",
        },
        new()
        {
            Name = "zhou2024-fig5",
            Caption = "Zhou et al., Fig. 5: DRL training convergence (episode reward of the actor-critic agent)",
            Kind = FigureKind.Convergence,
            Policies = ["actor-critic"],
        },
        new()
        {
            Name = "wang2024-fig1",
            Caption = "Wang, Liu and Zhao, Fig. 1: (a) time, (b) quality, (c) energy against the maximum edge diffusion steps S_e^max, for weight combinations and the random baseline; " + LatencyNote,
            Kind = FigureKind.Sweep,
            X = EdgeSteps,
            XLabel = MetricLabels.ForParameter(EdgeSteps),
            Metrics = [Latency, MetricLabels.For(MetricCatalog.MeanQuality.Name), Energy],
            Policies = ["sca-kkt", "random"],
            By = ["policy", "policy.options.c1", "policy.options.c2", "policy.options.c3"],
            Baselines = ["random"],
            SeriesLabel = "(c1, c2, c3) = ({policy.options.c1}, {policy.options.c2}, {policy.options.c3})",
        },
        new()
        {
            Name = "wang2024-fig2",
            Caption = "Wang, Liu and Zhao, Fig. 2: joint objective against S_e^max for three maximum device steps S_0^max, weights (w1, w2) = (0.3, 0.7)",
            Kind = FigureKind.Sweep,
            X = EdgeSteps,
            XLabel = MetricLabels.ForParameter(EdgeSteps),
            Metrics = [new("policy:joint_objective", "Joint objective")],
            Policies = ["sca-kkt"],
            By = [DeviceSteps],
            SeriesLabel = "S_0^max = {" + DeviceSteps + "}",
        },
        new()
        {
            Name = "wang2025-fig2",
            Caption = "Wang, Li and Wang, Fig. 2: convergence of MADDPG-MATO, MADDPG-NoModel and SADDPG",
            Kind = FigureKind.Convergence,
            Policies = ["maddpg-mato", "maddpg-nomodel", "ddpg"],
        },
        new()
        {
            Name = "wang2025-fig3",
            Caption = "Wang, Li and Wang, Fig. 3: (a) latency, (b) energy, (c) completion rate against the number of AIGC models the tasks need (3 to 6); " + LatencyNote,
            Kind = FigureKind.Sweep,
            X = RequiredModels,
            XLabel = "Number of AIGC models the tasks need",
            Metrics = [LogLatency, LogEnergy, Completion],
            Policies = Wang2025Policies,
        },
        new()
        {
            Name = "wang2025-fig4",
            Caption = "Wang, Li and Wang, Fig. 4: (a) latency, (b) energy, (c) completion rate against the number of devices (5 to 20); " + LatencyNote,
            Kind = FigureKind.Sweep,
            X = "ues.count",
            XLabel = "Number of devices",
            Metrics = [LogLatency, LogEnergy, Completion],
            Policies = Wang2025Policies,
        },
    ];

    /// <summary>The figure called <paramref name="name"/>, or null.</summary>
    public static FigureSpec? Find(string name) => All.FirstOrDefault(f => f.Name == name);
}
