using NetSim.Network.Metrics;
using NetSim.Plots.Data;

namespace NetSim.Plots.Reproduction;

/// <summary>Wang, Liu and Zhao: Figs. 1 and 2.</summary>
public sealed partial class PapersReadme
{
    private const string Budget = "policy.options.edge_steps_budget";
    private const string LocalSteps = "policy.options.local_steps_max";
    private const string EqualWeights = "(1, 1, 0.001)";
    private const string TimeWeights = "(10, 1, 0.001)";
    private static readonly Metric JointObjective = MetricCatalog.For("policy:joint_objective");
    private static readonly Metric OffloadRate = MetricCatalog.For("policy:offload_rate") with { Unit = "%", Scale = 100 };

    private static readonly (string Key, string Label)[] Fig1Series =
    [
        (EqualWeights, "sca-kkt, equal weights"), (TimeWeights, "sca-kkt, c1 x 10 (time)"), ("(1, 10, 0.001)", "sca-kkt, c2 x 10 (error)"),
        ("(1, 1, 0.01)", "sca-kkt, c3 x 10 (energy)"), ("random", "Random"),
    ];

    private static readonly (string Key, string Label)[] Fig2Series =
    [
        ("f10", "S_0^max 10"), ("f20", "S_0^max 20"), ("f40", "S_0^max 40"), ("p10", "paper only, 10"), ("p20", "paper only, 20"), ("p40", "paper only, 40"),
    ];

    private void Wang2024Fig1()
    {
        var db = Db("wang2024-fig1.db");
        Paragraph("## Wang, Liu and Zhao, Fig. 1: time, quality and energy against S_e^max");
        Paragraph("![wang2024-fig1](wang2024-fig1.png)");
        Paragraph("""
            **Paper:** "the total consumption time is decreased as S_e^max increase ... the energy consumption
            also increases with increasing reverse diffusion steps" (Fig. 1(a), (c)); "the red line (proposed
            equal weights) outperforms others comprehensively ... all proposed methods outperform the
            baseline" (random initialisation).
            """);
        Paragraph("""
            **NetSim** (scenarios/papers/wang2024/fig1.yaml; weights (c1, c2, c3); the random baseline
            picks device or edge uniformly and runs the task type's 20 steps).
            """);
        Paragraph("Mean latency over completed tasks (ms):");
        Pivot("S_e^max", db.Runs, BudgetOf, Fig1Series, Weights, runs => Claims.Latency(MetricCatalog.MeanLatency, runs));
        Paragraph($"Mean quality over {MetricCatalog.MeanQuality.Over} (utility 1 - e^(-C2 s), eq. 7):");
        Pivot("S_e^max", db.Runs, BudgetOf, Fig1Series, Weights, runs => Claims.Cell(MetricCatalog.MeanQuality, runs));
        Paragraph($"Mean energy per task, over {MetricCatalog.MeanEnergy.Over} (J):");
        Pivot("S_e^max", db.Runs, BudgetOf, Fig1Series, Weights, runs => Claims.Cell(Claims.EnergyJoules, runs));

        var budgets = OrderedGroups(db.Runs.Select(BudgetOf));
        List<IReadOnlyList<RunData>> PerBudget(string weights) => budgets.Select(b => (IReadOnlyList<RunData>)db.Runs.Where(r => Weights(r) == weights && BudgetOf(r) == b).ToList()).Where(g => g.Count > 0).ToList();
        string Trend(string weights, Metric metric) => Claims.Trend(PerBudget(weights).Select(g => Claims.Mean(metric, g)).ToList());
        string At(string weights, string budget, Metric metric) => Claims.Cell(metric, db.Runs.Where(r => Weights(r) == weights && BudgetOf(r) == budget).ToList(), withUnit: true);
        var (low, high) = (budgets[0], budgets[^1]);
        Paragraph($"""
            **Agreement.** Where sca-kkt offloads (weights c1 x 10 and c2 x 10), the trends of Fig. 1 hold where the
            numbers say so: as S_e^max grows, more tasks can run on the faster edge; with c1 x 10 the mean latency
            {Trend(TimeWeights, MetricCatalog.MeanLatency)} ({At(TimeWeights, low, MetricCatalog.MeanLatency)} at S_e^max = {low}, {At(TimeWeights, high, MetricCatalog.MeanLatency)} at {high}), the quality
            {Trend(TimeWeights, MetricCatalog.MeanQuality)} and the energy {Trend(TimeWeights, Claims.EnergyJoules)} (an edge step costs k g^3 dt = 10 J, a device step 0.0675 J),
            until every task that gains from the edge is there and the lines level off.
            """);

        var equal = db.Runs.Where(r => Weights(r) == EqualWeights).ToList();
        var offloaded = equal.Select(r => Claims.Value(r, OffloadRate.Name)).Where(v => !double.IsNaN(v)).DefaultIfEmpty(double.NaN).Max();
        var keeps = offloaded == 0
            ? "keeps every task on its device at every S_e^max"
            : $"offloads up to {F(offloaded * 100, 0)}% of the tasks";
        var random = (string budget) => (IReadOnlyList<RunData>)db.Runs.Where(r => Weights(r) == "random" && BudgetOf(r) == budget).ToList();
        var randomAgainstEqual = budgets.Select(b => (b, random(b), (IReadOnlyList<RunData>)equal.Where(r => BudgetOf(r) == b).ToList()));
        Paragraph($"""
            **Disagreement.** (1) With equal weights (w1 = w2 = 0.5, c = (1, 1, 0.001), the scenario's
            scales) sca-kkt {keeps} (mean latency {Claims.Latency(MetricCatalog.MeanLatency, equal, withUnit: true)}, energy {Claims.Cell(Claims.EnergyJoules, equal, withUnit: true)} over every S_e^max; the
            latency {Trend(EqualWeights, MetricCatalog.MeanLatency)} with S_e^max): an edge step costs 150 times the energy of a
            device step, and at c3 = 0.001 per joule that outweighs the millisecond it saves and the quality
            of the longer edge schedule. The paper's equal-weights line falls with S_e^max; its units for c1,
            c2 and c3 are not given, and the scenario does not retune them to make it fall. (2) The paper's
            "equal weights outperforms others comprehensively" does not hold: each weighting wins on the cost
            it weights (the tables above: equal weights on energy, c1 x 10 on time, c2 x 10 on quality). (3) The random
            baseline runs about half the tasks on the edge at the task type's 20 steps; paired by replication,
            its mean latency against the equal-weights answer is {Claims.Across("S_e^max", randomAgainstEqual)}
            (random: {Claims.Latency(MetricCatalog.MeanLatency, random(low), withUnit: true)} at {Claims.Cell(Claims.EnergyJoules, random(low), withUnit: true)} per task at S_e^max = {low}); it loses only on P1's weighted
            objective, which it does not optimise. The paper's baseline also draws the steps at random; NetSim's
            random policy chooses only the target.
            """);
    }

    private void Wang2024Fig2()
    {
        var full = Db("wang2024-fig2.db");
        var paper = Db("wang2024-fig2-paper.db");
        Paragraph("## Wang, Liu and Zhao, Fig. 2: joint objective against S_e^max for three S_0^max");
        Paragraph("![wang2024-fig2](wang2024-fig2.png)");
        Paragraph("""
            **Paper:** "as S_e^max increases, all three lines exhibit an initial decline followed by a
            stabilization phase upon reaching an optimal solution" ((w1, w2) = (0.3, 0.7)).
            """);
        Paragraph("""
            **NetSim** (scenarios/papers/wang2024/fig2.yaml): P1's objective (eq. 8) at the decisions that ran
            (`policy:joint_objective`), with the flip search after Algorithm 3 (NetSim's sca-kkt) and
            without it (`flip_rounds: 0`, the paper's algorithm alone), and the share of tasks offloaded:
            """);
        var both = full.Runs.Select(r => (Run: r, Key: "f" + S0(r))).Concat(paper.Runs.Select(r => (Run: r, Key: "p" + S0(r)))).ToList();
        var keyOf = both.ToDictionary(b => b.Run, b => b.Key);
        Pivot("S_e^max", keyOf.Keys, BudgetOf, Fig2Series, r => keyOf[r], runs => Claims.Cell(JointObjective, runs));
        Paragraph("Share of tasks offloaded to the edge (%):");
        Pivot("S_e^max", keyOf.Keys, BudgetOf, Fig2Series, r => keyOf[r], runs => Claims.Cell(OffloadRate, runs));

        var budgets = OrderedGroups(full.Runs.Select(BudgetOf));
        var (low, high) = (budgets[0], budgets[^1]);
        IReadOnlyList<RunData> Of(WorkDatabase db, string s0, string? budget = null) => db.Runs.Where(r => S0(r) == s0 && (budget is null || BudgetOf(r) == budget)).ToList();
        string Objective(WorkDatabase db, string s0, string? budget = null) => Claims.Cell(JointObjective, Of(db, s0, budget));
        double MaxOffload(IEnumerable<RunData> runs) => runs.Select(r => Claims.Value(r, OffloadRate.Name)).Where(v => !double.IsNaN(v)).DefaultIfEmpty(double.NaN).Max();
        string Shape(string s0)
        {
            var means = budgets.Select(b => (Budget: b, Mean: Claims.Mean(JointObjective, Of(full, s0, b)))).Where(m => !double.IsNaN(m.Mean)).ToList();
            if (means.Count < 2 || means.Zip(means.Skip(1), (x, y) => y.Mean > x.Mean).Any(up => up))
            {
                return Claims.Trend(means.Select(m => m.Mean).ToList());
            }

            var flatFrom = means.FindIndex(m => m.Mean == means[^1].Mean);
            return flatFrom == 0 ? "is flat" : flatFrom == means.Count - 1 ? "falls at every step" : $"falls until S_e^max = {means[flatFrom].Budget} and is flat from there";
        }

        var s40 = MaxOffload(Of(full, "40")) == 0 ? "no task is offloaded" : $"up to {F(MaxOffload(Of(full, "40")) * 100, 0)}% of the tasks are offloaded";
        Paragraph($"""
            **Agreement (with the flip search).** As S_e^max grows, the objective with S_0^max = 10 {Shape("10")}
            ({Objective(full, "10", low)} at S_e^max = {low}, {Objective(full, "10", high)} at {high}), and with S_0^max = 20 it {Shape("20")}
            ({Objective(full, "20", low)} and {Objective(full, "20", high)}): a decline that stops once every task that gains from the edge is there is the shape of Fig. 2. With
            S_0^max = 40 {s40} and the objective is {Objective(full, "40", high)} at S_e^max = {high}.
            """);
        var paperOffload = MaxOffload(paper.Runs);
        var paperWords = paperOffload == 0
            ? $"offloads no task at any S_e^max, so its objective is flat ({Objective(paper, "10")} for S_0^max = 10 over every S_e^max)"
            : $"offloads up to {F(paperOffload * 100, 0)}% of the tasks (S_0^max = 10: {Objective(paper, "10", low)} at S_e^max = {low}, {Objective(paper, "10", high)} at {high})";
        Paragraph($"""
            **Disagreement (the paper's algorithm alone).** Algorithm 3 by itself (`flip_rounds: 0`)
            {paperWords}: P1's relaxation prefers fractional a_n below 1/2, which the rounding sends to the device
            (ScaKkt.md, A8). The flip search NetSim adds after it is what produces the paper's declining curves.
            """);
    }

    private static string BudgetOf(RunData run) => run.Value(Budget) ?? string.Empty;

    private static string S0(RunData run) => run.Value(LocalSteps) ?? string.Empty;

    /// <summary>"random", or sca-kkt's weights "(c1, c2, c3)" as the run overrode them (the scenario's 1, 1 and 0.001 otherwise).</summary>
    private static string Weights(RunData run) => run.Row.Policy == "random"
        ? "random"
        : $"({run.Params.GetValueOrDefault("policy.options.c1", "1")}, {run.Params.GetValueOrDefault("policy.options.c2", "1")}, {run.Params.GetValueOrDefault("policy.options.c3", "0.001")})";
}
