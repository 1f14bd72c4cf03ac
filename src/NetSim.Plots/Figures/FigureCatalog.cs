namespace NetSim.Plots.Figures;

/// <summary>
/// Every paper figure NetSim reproduces, defined as data in this one place: X parameter, Y metrics,
/// grouping, filters and labels. Parameters are key paths as in <c>sweep.parameters</c> and
/// <c>--set</c>; a key that a run did not sweep is read from its resolved scenario, and
/// <c>count(path)</c> is the number of entries of a list.
/// </summary>
public static class FigureCatalog
{
    /// <summary>S_e^max of Wang, Liu and Zhao: the steps budget of the edge server (a sca-kkt option).</summary>
    private const string EdgeSteps = "policy.options.edge_steps_budget";

    /// <summary>S_0^max: the most steps of a task on its device (a sca-kkt option).</summary>
    private const string DeviceSteps = "policy.options.local_steps_max";

    /// <summary>The algorithms of Wang, Li and Wang's Figs. 3 and 4 (section IV-A's baselines).</summary>
    private static readonly string[] Wang2025Policies = ["maddpg-mato", "maddpg-nomodel", "ddpg", "random", "greedy-compatible"];

    private static readonly MetricSpec Latency = new("mean_latency", "Mean latency (ms)", 1e3);
    private static readonly MetricSpec Energy = new("mean_energy_j", "Mean energy per task (mJ)", 1e3);

    /// <summary>Latency on a log scale: the random baselines of Zhou et al. and Wang, Li and Wang collapse the uplink, seconds to minutes against milliseconds.</summary>
    private static readonly MetricSpec LogLatency = Latency with { LogY = true };

    /// <summary>Energy on a log scale, for the same reason.</summary>
    private static readonly MetricSpec LogEnergy = Energy with { LogY = true };
    private static readonly MetricSpec Completion = new("completion_rate", "Task completion rate (%)", 100);

    /// <summary>The named figures, by name.</summary>
    public static IReadOnlyList<FigureSpec> All { get; } =
    [
        new()
        {
            Name = "zhou2024-fig3",
            Caption = "Zhou et al., Fig. 3: AIGC latency of the proposed actor-critic, greedy and random offloading against the number of UEs (10 to 40)",
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
            Caption = "Wang, Liu and Zhao, Fig. 1: (a) time, (b) quality, (c) energy against the maximum edge diffusion steps S_e^max, for weight combinations and the random baseline",
            Kind = FigureKind.Sweep,
            X = EdgeSteps,
            XLabel = "Maximum edge diffusion steps S_e^max",
            Metrics = [Latency, new("mean_quality", "Mean quality (utility)"), Energy],
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
            XLabel = "Maximum edge diffusion steps S_e^max",
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
            Caption = "Wang, Li and Wang, Fig. 3: (a) latency, (b) energy, (c) completion rate against the number of AIGC models (3 to 6)",
            Kind = FigureKind.Sweep,
            X = "count(models)",
            XLabel = "Number of AIGC models",
            Metrics = [LogLatency, LogEnergy, Completion],
            Policies = Wang2025Policies,
        },
        new()
        {
            Name = "wang2025-fig4",
            Caption = "Wang, Li and Wang, Fig. 4: (a) latency, (b) energy, (c) completion rate against the number of devices (5 to 20)",
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
