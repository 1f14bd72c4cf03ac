using NetSim.Network.Metrics;
using NetSim.Plots.Data;

namespace NetSim.Plots.Reproduction;

/// <summary>Beyond the papers: every policy on every paper's base scenario.</summary>
public sealed partial class PapersReadme
{
    private const string PaperOnly = "sca-kkt (paper only)";

    private void Matrix()
    {
        var zhou = Db("matrix-zhou2024.db");
        var wang24 = Db("matrix-wang2024.db");
        var wang25 = Db("matrix-wang2025.db");
        Paragraph("## Beyond the papers: every policy on every paper's base scenario");
        Paragraph($"""
            Each paper's base scenario as shipped (zhou2024: N = 40, bound 15 ms; wang2024: 30 UEs, one
            batch; wang2025: 10 devices, 6 models), {Claims.Count(_options.Replications, "replication")}. Gap to optimal = mean latency over
            `optimal`'s minus 1 (`optimal` minimises the mean latency of each decision epoch, problem (1)
            of Zhou et al., over local and edge targets); for a policy that leaves tasks unfinished it uses the
            mean over all created tasks, a lower bound, so the gap is at least the one shown (≥). Every learned agent runs with the checkpoint trained
            on that world (the episodes above); sca-kkt is meant for diffusion models (on `fixed` or
            `per_bit` work its P1 cannot tell device from edge, ScaKkt.md A10).
            """);

        string Gap(WorkDatabase db, string policy) => GapToOptimal(db.Runs.Where(r => Label(r) == policy).ToList(), db.Of("optimal"));
        var nearestLike = new[] { "greedy-compatible", "sca-kkt", "nearest" }.Where(p => zhou.Of(p).Count > 0).ToList();
        var ranges = nearestLike.Select(p => (Policy: p, Means: Claims.PerReplication(zhou.Of(p), MetricCatalog.MeanLatency.Name).Values.Where(v => !double.IsNaN(v)).ToList())).Where(x => x.Means.Count > 0).ToList();
        var spread = string.Join(", ", ranges.Select(x => $"{x.Policy} {MetricText.Number(x.Means.Min())} to {MetricText.Number(x.Means.Max())} s"));
        var pileUp = ranges.Any(x => x.Means.Max() > 10 * x.Means.Min())
            ? "in some replication those uploads pile up as random's do and its mean latency jumps more than tenfold, hence their wide intervals"
            : "in these replications no such pile-up shows (no replication's mean latency is ten times another's)";
        var wang24Ties = wang24.Runs.Select(Label).Distinct().Order(StringComparer.Ordinal)
            .Where(p => p != "optimal" && Claims.Verdict(wang24.Runs.Where(r => Label(r) == p).ToList(), wang24.Of("optimal")) == PairedVerdict.Tie)
            .ToList();
        var wang24Same = wang24Ties
            .Where(p => Claims.LatencyDifference(wang24.Runs.Where(r => Label(r) == p).ToList(), wang24.Of("optimal")).Difference is { Mean: 0, HalfWidth: 0 })
            .ToList();
        var belowOptimal = wang25.Runs.Select(Label).Distinct().Order(StringComparer.Ordinal)
            .Where(p => p != "optimal" && Claims.Verdict(wang25.Runs.Where(r => Label(r) == p).ToList(), wang25.Of("optimal")) == PairedVerdict.Lower)
            .ToList();
        Paragraph($"""
            Reading the matrix: on zhou2024 the per-slot optimum is the reference; least-latency's gap to it is
            {Gap(zhou, "least-latency")}. With one model held everywhere, greedy-compatible and sca-kkt (A10)
            send every task to the nearest station, as `nearest` does; {pileUp} (per-replication means over completed tasks: {(spread.Length == 0 ? "none ran" : spread)}).
            Greedy, which weighs the channel and the device too, has a gap of {Gap(zhou, "greedy")}. On wang2024 every task's 20 default steps
            run on 30 edge cores: the policies whose mean latency equals optimal's in every replication are
            {List(wang24Same)}, and the others with no difference from it NetSim can resolve are {List(wang24Ties.Except(wang24Same).ToList())}; sca-kkt chooses steps as well and trades time for quality
            and energy, which this latency column does not score (Figs. 1 and 2 do). On wang2025 the policies whose
            mean latency is below optimal's with 95% confidence (paired by replication) are {List(belowOptimal)}: `optimal` solves each arrival's epoch problem, which
            ignores queued work, model downloads, partial offloading and the cloud, so policies that see
            queues and caches can do better.
            """);

        string Ms(WorkDatabase db, string policy) => Claims.Latency(MetricCatalog.MeanLatency, db.Of(policy), withUnit: true);
        string OnDevice(WorkDatabase db, string policy)
        {
            var tasks = db.DecidedTasks(policy).ToList();
            return tasks.Count == 0 ? "-" : Claims.Percent(tasks.Average(t => t.Target == "local" ? 1.0 : 0.0));
        }

        var first = Db("train-zhou2024-maddpg-mato.db").Episodes().Where(e => e.Agent == "maddpg-mato" && e.Episode < Convergence.Window).ToList();
        var firstLatency = first.Count == 0 ? "-" : F(first.Average(e => e.MeanLatency), 1);
        Paragraph($"""
            Learned agents across the worlds (mean latencies over completed tasks): on zhou2024 the actor-critic ({Ms(zhou, "actor-critic")}) against
            optimal ({Ms(zhou, "optimal")}): {Claims.Across("N", [("40", zhou.Of("actor-critic"), zhou.Of("optimal"))])}. The DDPG family, whose critics take every device's observation and action
            (40 devices there), keeps {OnDevice(zhou, "maddpg-mato")}, {OnDevice(zhou, "maddpg-nomodel")} and {OnDevice(zhou, "ddpg")} of the decided tasks on their devices after its
            {_options.ZhouDdpgEpisodes} episodes: MADDPG-MATO {Ms(zhou, "maddpg-mato")}, MADDPG-NoModel {Ms(zhou, "maddpg-nomodel")} and SADDPG {Ms(zhou, "ddpg")}, against all-local's
            {Ms(zhou, "local")}. Their first episodes, untrained and exploring, offload and collapse the uplink (MADDPG-MATO's
            first {first.Select(e => e.Episode).Distinct().Count()} episodes, every training seed: {firstLatency} s mean latency), and the answer they settle on is mostly the device. On wang2024 (one batch of 30 tasks, one decision each) the
            actor-critic reaches {Ms(wang24, "actor-critic")} and the DDPG family {Ms(wang24, "maddpg-mato")}, {Ms(wang24, "maddpg-nomodel")} and {Ms(wang24, "ddpg")}
            (optimal {Ms(wang24, "optimal")}, all-local {Ms(wang24, "local")}). On wang2025 the actor-critic reaches {Ms(wang25, "actor-critic")} and MADDPG-MATO
            {Ms(wang25, "maddpg-mato")}; least-latency reaches {Ms(wang25, "least-latency")}, and against it the actor-critic is
            {Claims.Across("N", [("10", wang25.Of("actor-critic"), wang25.Of("least-latency"))])} and MADDPG-MATO {Claims.Across("N", [("10", wang25.Of("maddpg-mato"), wang25.Of("least-latency"))])}.
            """);

        foreach (var (scenario, db) in new[] { ("zhou2024", zhou), ("wang2024", wang24), ("wang2025", wang25) })
        {
            Paragraph($"### {scenario}");
            Line($"| policy | mean latency, completed tasks (ms) | gap to optimal | completion, {MetricCatalog.CompletionRate.Over} (%) | deadline met, {MetricCatalog.DeadlineMetRate.Over} (%) | energy per task, {Claims.EnergyJoules.Over} (J) |");
            Line("|---|---|---|---|---|---|");
            foreach (var policy in db.Runs.Select(Label).Distinct().Order(StringComparer.Ordinal))
            {
                var runs = db.Runs.Where(r => Label(r) == policy).ToList();
                Line($"| {policy} | {Claims.Latency(MetricCatalog.MeanLatency, runs)} | {GapToOptimal(runs, db.Of("optimal"))} | {Claims.Cell(MetricCatalog.CompletionRate, runs)} | {Claims.Cell(MetricCatalog.DeadlineMetRate, runs)} | {Claims.Cell(Claims.EnergyJoules, runs)} |");
            }

            var failures = Path.Combine(_workDir, $"matrix-{scenario}.failures");
            if (File.Exists(failures))
            {
                foreach (var failure in File.ReadAllLines(failures).Where(l => l.Length > 0).Select(l => l.Split('|', 2)))
                {
                    Line($"| {failure[0]} | fails: {(failure.Length > 1 ? failure[1] : string.Empty)} | | | | |");
                }
            }

            Line();
        }
    }

    /// <summary>
    /// The mean latency of <paramref name="runs"/> over <paramref name="optimal"/>'s minus 1, in
    /// percent; over all created tasks, and marked "≥", where either leaves tasks unfinished.
    /// </summary>
    private static string GapToOptimal(IReadOnlyList<RunData> runs, IReadOnlyList<RunData> optimal)
    {
        if (runs.Count == 0 || optimal.Count == 0)
        {
            return "-";
        }

        var allTasks = Claims.LeavesTasks(runs) || Claims.LeavesTasks(optimal);
        var metric = allTasks ? MetricCatalog.MeanLatencyAllTasks : MetricCatalog.MeanLatency;
        var gap = ((Claims.Mean(metric, runs) / Claims.Mean(metric, optimal)) - 1) * 100;
        return double.IsNaN(gap) ? "-" : $"{(allTasks ? "≥ " : string.Empty)}{(gap >= 0 ? "+" : string.Empty)}{F(gap, 1)} %";
    }

    /// <summary>The matrix's name of a run: its policy, or "sca-kkt (paper only)" for sca-kkt without the flip search.</summary>
    private static string Label(RunData run) => run.Params.ContainsKey("policy.options.flip_rounds") ? PaperOnly : run.Row.Policy;

    private static string List(IReadOnlyList<string> items) => items.Count == 0 ? "none" : string.Join(", ", items);
}
