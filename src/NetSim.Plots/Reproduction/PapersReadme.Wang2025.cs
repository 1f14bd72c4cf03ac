using System.Globalization;
using NetSim.Network.Metrics;
using NetSim.Plots.Data;

namespace NetSim.Plots.Reproduction;

/// <summary>Wang, Li and Wang: Figs. 2, 3 and 4.</summary>
public sealed partial class PapersReadme
{
    private static readonly string[] DdpgFamily = ["maddpg-mato", "maddpg-nomodel", "ddpg"];

    private static readonly (string Key, string Label)[] Wang2025Series =
    [
        ("maddpg-mato", "MADDPG-MATO"), ("maddpg-nomodel", "MADDPG-NoModel"), ("ddpg", "SADDPG"), ("random", "Random"),
        ("greedy-compatible", "Greedy-compatible (Wang, Li and Wang)"), ("least-latency", "least-latency (beyond)"), ("actor-critic", "actor-critic (beyond)"),
    ];

    private static readonly (string Key, string Label)[] TargetSeries =
    [
        ("maddpg-mato", "MADDPG-MATO"), ("maddpg-nomodel", "MADDPG-NoModel"), ("ddpg", "SADDPG"), ("actor-critic", "actor-critic (beyond)"),
        ("local", "local"), ("random", "Random"), ("greedy-compatible", "Greedy-compatible (Wang, Li and Wang)"), ("least-latency", "least-latency"), ("optimal", "optimal"),
    ];

    private void Wang2025Fig2()
    {
        Paragraph("## Wang, Li and Wang, Fig. 2: convergence");
        Paragraph("![wang2025-fig2](wang2025-fig2.png)");
        Paragraph("""
            **Paper:** "MADDPG-MATO exhibits significant reward fluctuations initially but rapidly learns ...
            eventually converging to approximately -40, outperforming all baseline algorithms".
            """);
        Paragraph("""
            **NetSim** (10 devices, scenarios/papers/wang2025/wang2025.yaml; reward = minus the latency cost in
            units of time_scale = 1 s, minus 1 per task missing its 10 s bound, minus 10 per task never finished):
            """);
        var rows = ConvergenceTable(Db("wang2025-fig2.db"), DdpgFamily);
        var best = rows.MaxBy(c => c.FinalReward)!;
        var bestName = Wang2025Series.First(s => s.Key == best.Agent).Label;
        Paragraph($"""
            **Agreement.** All three agents start with large losses (untrained, they offload at random and
            collapse the uplink as the random baseline does) and settle; the table gives the episode (counted from 1) at which
            each agent's ten-episode mean reward first reaches its final level, the mean over the last tenth of its episodes
            ("never": the last tenth is better than any earlier ten episodes, so more episodes would still help). Over the last
            tenth of training, {bestName} has the highest mean reward of the three{(best.Agent == "maddpg-mato" ? ", as in the paper" : "; in the paper it is MADDPG-MATO")}.
            The paper's reward scale (about -40) cannot be compared: its reward's units and weights are not given.
            """);

        var matrix = Db("matrix-wang2025.db");
        string At(string policy) => Claims.Latency(Claims.LatencySeconds, matrix.Of(policy), withUnit: true);
        Paragraph($"""
            **Evaluated** without exploration on the 10-device base scenario (the matrix below: every policy on
            the same replications), the mean latencies over completed tasks are MADDPG-MATO {At("maddpg-mato")}, MADDPG-NoModel
            {At("maddpg-nomodel")} and SADDPG {At("ddpg")}, against all-local {At("local")}, greedy-compatible
            {At("greedy-compatible")} and least-latency {At("least-latency")}. Where each policy sends its tasks (shares of
            every decided task of its runs, all replications and training seeds pooled), and what a task sent to an edge
            server spends (means over those tasks, in seconds): uploading its part, waiting for the server to download
            or switch to its model (and the share of them that waited at all), and computing there:
            """);
        Line("| policy | on the device (%) | to an edge server (%) | share of the work offloaded (%) | upload (s) | model wait (s) | waited for a model (%) | edge compute (s) |");
        Line("|---|---|---|---|---|---|---|---|");
        var spends = new Dictionary<string, EdgeSpend>(StringComparer.Ordinal);
        foreach (var (key, label) in TargetSeries)
        {
            if (EdgeSpend.Of(matrix.DecidedTasks(key).ToList()) is not { } spend)
            {
                continue;
            }

            spends[key] = spend;
            Line($"| {label} | {F(spend.OnDevice * 100, 0)} | {F(spend.ToEdge * 100, 0)} | {F(spend.WorkOffloaded * 100, 0)} | {S(spend.Upload)} | {S(spend.ModelWait)} | {(double.IsNaN(spend.Waited) ? "-" : F(spend.Waited * 100, 0))} | {S(spend.Compute)} |");
        }

        Line();
        string Kept(string policy) => spends.TryGetValue(policy, out var x) ? $"{F(x.OnDevice * 100, 0)}%" : "-";
        string Wait(string policy) => spends.TryGetValue(policy, out var x) ? $"{S(x.ModelWait)} s" : "-";
        string Compute(string policy) => spends.TryGetValue(policy, out var x) ? $"{S(x.Compute)} s" : "-";
        string Ratio(string policy) => spends.TryGetValue(policy, out var x) && !double.IsNaN(x.EdgeRatio) ? $"{F(x.EdgeRatio * 100, 1)}%" : "-";
        Paragraph($"""
            Model awareness can only pay on the tasks an agent sends to a server. MADDPG-MATO keeps {Kept("maddpg-mato")} of its tasks on the
            device and MADDPG-NoModel {Kept("maddpg-nomodel")}; a task they send to a server carries {Ratio("maddpg-mato")} and {Ratio("maddpg-nomodel")} of its work there on
            average and waits {Wait("maddpg-mato")} and {Wait("maddpg-nomodel")} for its
            model ({DownloadFacts(matrix.Of("greedy-compatible").Concat(matrix.Runs).First())}) against
            {Compute("maddpg-mato")} and {Compute("maddpg-nomodel")} of computation there. Greedy-compatible, which offloads only to a server that holds the model,
            keeps {Kept("greedy-compatible")} and its offloaded tasks wait {Wait("greedy-compatible")}; least-latency, which weighs the download against the
            device, keeps {Kept("least-latency")} and waits {Wait("least-latency")}.
            """);
        Paragraph($"""
            MADDPG-MATO's mean latency minus MADDPG-NoModel's, paired by replication: {Claims.Paired(matrix.Of("maddpg-mato"), matrix.Of("maddpg-nomodel"))}.
            Whether model awareness helps across model and device counts, the paper's claim, is tested in
            Figs. 3 and 4 below.
            """);
    }

    private void Wang2025Fig3()
    {
        var db = Db("wang2025-fig3.db");
        Paragraph("## Wang, Li and Wang, Fig. 3: against the number of models (3 to 6)");
        Paragraph("![wang2025-fig3](wang2025-fig3.png)");
        Paragraph("""
            **Paper:** "with the increase in the number of model types, the frequency of model switching rises,
            leading to a general increase in latency and energy consumption, while the completion rate
            generally declining ... MADDPG-MATO achieves an average reduction of approximately 6.98% in
            latency, 7.12% in energy consumption, and an increase of about 3.72% in task completion rate".
            """);
        Paragraph("""
            **NetSim** (10 devices; models-3.yaml to models-5.yaml and wang2025.yaml; learned agents use the
            10-device checkpoints, whose inputs do not depend on the model count):
            """);
        Wang2025Tables(db, "models", Models);

        var counts = OrderedGroups(db.Runs.Select(Models));
        var (few, many) = (counts[0], counts[^1]);
        IReadOnlyList<RunData> At(string policy, string models) => db.Of(policy, r => Models(r) == models);
        string Lat(string policy, string models) => Claims.Latency(Claims.LatencySeconds, At(policy, models), withUnit: true);
        IEnumerable<(string, IReadOnlyList<RunData>, IReadOnlyList<RunData>)> Groups(string a, string b) => counts.Select(m => (m, At(a, m), At(b, m)));
        string Trend(string policy) => Claims.Trend(counts.Select(m => At(policy, m)).Where(r => r.Count > 0).Select(r => Claims.Mean(MetricCatalog.MeanLatency, r)).ToList());
        var unfinished = Wang2025Series.Where(s => Claims.LeavesTasks(db.Of(s.Key))).Select(s => s.Label).ToList();
        var completion = unfinished.Count == 0
            ? "Every policy completes every task (the runs drain), so the share finished within the 10 s bound is the closer analogue of the paper's completion rate."
            : $"Completion is 100% for every policy except {string.Join(", ", unfinished)} (tasks left unfinished at the end of the run: the completion table); the share finished within the 10 s bound is the closer analogue of the paper's completion rate.";
        Paragraph($"""
            **Agreement.** Random's mean latency is above every other policy's {RandomWorst(db, counts, Models, "model count")}.

            **Against the number of models** (the paper: "a general increase in latency"). From {few} to {many} models the mean latency
            {Trend("greedy-compatible")} for greedy-compatible ({Lat("greedy-compatible", few)} and {Lat("greedy-compatible", many)}), {Trend("least-latency")} for least-latency
            ({Lat("least-latency", few)} and {Lat("least-latency", many)}) and {Trend("maddpg-mato")} for MADDPG-MATO ({Lat("maddpg-mato", few)} and {Lat("maddpg-mato", many)}).
            {CacheFacts(counts.Select(m => (m, At("greedy-compatible", m).Concat(db.Runs.Where(r => Models(r) == m)).First())).ToList())}

            **The paper's gains.** The gains of MADDPG-MATO over MADDPG-NoModel, averaged over model counts, beside
            NetSim's (in each replication the mean over model counts of MADDPG-MATO's value over MADDPG-NoModel's minus 1,
            or for the rate its difference in points; mean ± 95% interval over replications): latency, paper -6.98%, NetSim
            {Gain(db, counts, Models, Claims.LatencySeconds)}; energy, paper -7.12%, NetSim {Gain(db, counts, Models, Claims.EnergyJoules)}; completion rate, paper +3.72%,
            NetSim (share finished within the 10 s bound) {Gain(db, counts, Models, MetricCatalog.DeadlineMetRate, points: true)}. MADDPG-MATO minus MADDPG-NoModel mean latency, paired by replication:
            {PairedBy(counts, "models", m => (At("maddpg-mato", m), At("maddpg-nomodel", m)))}. MADDPG-MATO's mean latency
            against greedy-compatible's: {Claims.Across("model count", Groups("maddpg-mato", "greedy-compatible"))}; least-latency, a heuristic that sees queues and caches,
            against MADDPG-MATO: {Claims.Across("model count", Groups("least-latency", "maddpg-mato"))}. {completion}

            **Beyond the paper.** Zhou et al.'s actor-critic, trained only on the 10-device, 6-model world (each seed's checkpoint runs at every model count), against
            MADDPG-MATO: {Claims.Across("model count", Groups("actor-critic", "maddpg-mato"))}; against least-latency: {Claims.Across("model count", Groups("actor-critic", "least-latency"))}.
            """);
    }

    private void Wang2025Fig4()
    {
        var db = Db("wang2025-fig4.db");
        Paragraph("## Wang, Li and Wang, Fig. 4: against the number of devices (5 to 20)");
        Paragraph("![wang2025-fig4](wang2025-fig4.png)");
        Paragraph("""
            **Paper:** "With 20 EDs, MADDPG-MATO exhibits optimal performance, attaining a task completion rate
            of 98%, surpassing other algorithms by at least 11.3% ... MADDPG-NoModel ... a task completion
            rate of approximately 88%. The Random and Greedy strategies perform the worst".
            """);
        Paragraph("""
            **NetSim** (wang2025.yaml, 6 models; the DDPG family trained per device count, the actor-critic
            once at 10 devices):
            """);
        Wang2025Tables(db, "devices", N);

        var counts = OrderedGroups(db.Runs.Select(N));
        var (few, many) = (counts[0], counts[^1]);
        var most = _options.WangDevices.Max().ToString(CultureInfo.InvariantCulture);
        IReadOnlyList<RunData> At(string policy, string n) => db.Of(policy, r => N(r) == n);
        string Lat(string policy, string n) => Claims.Latency(Claims.LatencySeconds, At(policy, n), withUnit: true);
        string Met(string policy) => Claims.Cell(MetricCatalog.DeadlineMetRate, At(policy, most), withUnit: true);
        IEnumerable<(string, IReadOnlyList<RunData>, IReadOnlyList<RunData>)> Groups(string a, string b) => counts.Select(n => (n, At(a, n), At(b, n)));
        string Trend(string policy) => Claims.Trend(counts.Select(n => At(policy, n)).Where(r => r.Count > 0).Select(r => Claims.Mean(MetricCatalog.MeanLatency, r)).ToList());
        Paragraph($"""
            **Agreement.** For the heuristics the mean latency {Trend("greedy-compatible")} with the number of devices for greedy-compatible
            ({Lat("greedy-compatible", few)} at {few} devices, {Lat("greedy-compatible", many)} at {many}) and {Trend("least-latency")} for least-latency ({Lat("least-latency", few)} and
            {Lat("least-latency", many)}) as the three edge servers fill; random's mean latency is above every other policy's {RandomWorst(db, counts, N, "device count")}.

            **Against the paper's ranking.** With {most} devices (the most with trained agents) the shares of created tasks finished within the 10 s bound are
            MADDPG-MATO {Met("maddpg-mato")}, MADDPG-NoModel {Met("maddpg-nomodel")}, SADDPG {Met("ddpg")}, greedy-compatible {Met("greedy-compatible")}, random {Met("random")} and
            least-latency {Met("least-latency")} (the paper, at 20: 98% for MADDPG-MATO, about 88% for MADDPG-NoModel). MADDPG-MATO's mean
            latency against MADDPG-NoModel's: {Claims.Across("device count", Groups("maddpg-mato", "maddpg-nomodel"))}; against greedy-compatible's: {Claims.Across("device count", Groups("maddpg-mato", "greedy-compatible"))}.
            Paired by replication, MADDPG-MATO minus MADDPG-NoModel: {PairedBy(counts, "devices", n => (At("maddpg-mato", n), At("maddpg-nomodel", n)))}.
            Least-latency against MADDPG-MATO: {Claims.Across("device count", Groups("least-latency", "maddpg-mato"))}{(Claims.LowerEverywhere(Groups("least-latency", "maddpg-mato")) ? ": the learned agents do not reach the heuristic that sees the queues and caches of every server" : string.Empty)}.

            **Beyond the paper.** The actor-critic trained at 10 devices runs at every device count (it scores
            each task's candidate targets with one network, so nothing in it depends on the number of devices).
            Against MADDPG-MATO: {Claims.Across("device count", Groups("actor-critic", "maddpg-mato"))}; against least-latency: {Claims.Across("device count", Groups("actor-critic", "least-latency"))}.
            """);
    }

    /// <summary>The four tables of Figs. 3 and 4: latency, energy, completion and deadline met, a row per <paramref name="head"/>.</summary>
    private void Wang2025Tables(WorkDatabase db, string head, Func<RunData, string> groupOf)
    {
        Paragraph("Mean latency over completed tasks (s):");
        Pivot(head, db.Runs, groupOf, Wang2025Series, r => r.Row.Policy, runs => Claims.Latency(Claims.LatencySeconds, runs));
        Paragraph($"Mean energy per task, over {Claims.EnergyJoules.Over} (J):");
        Pivot(head, db.Runs, groupOf, Wang2025Series, r => r.Row.Policy, runs => Claims.Cell(Claims.EnergyJoules, runs));
        Paragraph($"Completion rate ({MetricCatalog.CompletionRate.Over}, %):");
        Pivot(head, db.Runs, groupOf, Wang2025Series, r => r.Row.Policy, runs => Claims.Cell(MetricCatalog.CompletionRate, runs));
        Paragraph($"Tasks finished within their 10 s bound ({MetricCatalog.DeadlineMetRate.Over}, %):");
        Pivot(head, db.Runs, groupOf, Wang2025Series, r => r.Row.Policy, runs => Claims.Cell(MetricCatalog.DeadlineMetRate, runs));
    }

    /// <summary>"at every model count", or where random is not above every other policy with 95% confidence.</summary>
    private static string RandomWorst(WorkDatabase db, IReadOnlyList<string> groups, Func<RunData, string> groupOf, string label)
    {
        var others = Wang2025Series.Where(s => s.Key != "random").Select(s => s.Key).ToList();
        var worst = groups.Where(g => others.All(o => Claims.LowerEverywhere([(g, db.Of(o, r => groupOf(r) == g), db.Of("random", r => groupOf(r) == g))]))).ToList();
        return worst.Count == groups.Count
            ? $"at every {label} (every other policy lower with 95% confidence, paired by replication)"
            : worst.Count == 0
                ? $"with 95% confidence at no {label} (of {string.Join(", ", groups)})"
                : $"with 95% confidence only at {label} = {string.Join(", ", worst)} (of {string.Join(", ", groups)})";
    }

    /// <summary>
    /// MADDPG-MATO against MADDPG-NoModel on <paramref name="metric"/>, as the paper states its gains:
    /// in each replication the mean over <paramref name="groups"/> of MATO's value over NoModel's minus 1
    /// (in percent), or of their difference (in points, for a rate), each side's value the mean over its
    /// training seeds; "+1.2 ± 0.8% (N replications)", with the per-seed means where MATO has several seeds.
    /// </summary>
    private static string Gain(WorkDatabase db, IReadOnlyList<string> groups, Func<RunData, string> groupOf, Metric metric, bool points = false)
    {
        IReadOnlyList<double> PerReplication(IReadOnlyList<RunData> mato)
        {
            var changes = groups.Select(g => (A: Claims.PerReplication(mato.Where(r => groupOf(r) == g), metric.Name), B: Claims.PerReplication(db.Of("maddpg-nomodel", r => groupOf(r) == g), metric.Name))).ToList();
            var replications = changes.SelectMany(c => c.A.Keys).Distinct().Order();
            return replications
                .Select(r => changes.Select(c => c.A.TryGetValue(r, out var x) && c.B.TryGetValue(r, out var y) ? (points ? (x - y) * metric.Scale : ((x / y) - 1) * 100) : double.NaN).ToList())
                .Where(v => v.All(x => !double.IsNaN(x)))
                .Select(v => v.Average()).ToList();
        }

        string Text(ConfidenceInterval ci) => double.IsNaN(ci.HalfWidth) ? Claims.Signed(ci.Mean) : $"{Claims.Signed(ci.Mean)} ± {MetricText.Number(ci.HalfWidth)}";
        var unit = points ? " points" : "%";
        var pooled = ConfidenceInterval.Of(PerReplication(db.Of("maddpg-mato")));
        if (pooled.Count == 0)
        {
            return "not comparable (no replication with both agents at every count)";
        }

        var seeds = Claims.BySeed(db.Of("maddpg-mato"));
        var bySeed = seeds.Count < 2 ? string.Empty : $"; by training seed: {string.Join(", ", seeds.Select(s => $"{s.Seed} {Claims.Signed(ConfidenceInterval.Of(PerReplication(s.Runs)).Mean)}{unit}"))}";
        return $"{Text(pooled)}{unit} ({Claims.Count(pooled.Count, "replication")}{bySeed})";
    }

    /// <summary>The paired difference at each group: "label g: d ± c s (verdict); ...".</summary>
    private static string PairedBy(IReadOnlyList<string> groups, string label, Func<string, (IReadOnlyList<RunData> A, IReadOnlyList<RunData> B)> runs) =>
        string.Join("; ", groups.Select(g => (g, runs(g))).Where(x => x.Item2.A.Count > 0 && x.Item2.B.Count > 0).Select(x => $"{label} {x.g}: {Claims.Paired(x.Item2.A, x.Item2.B)}"));

    private static string S(double seconds) => double.IsNaN(seconds) ? "-" : F(seconds, 2);

    /// <summary>
    /// What a download costs in <paramref name="run"/>'s scenario: "a 90 to 250 MB model takes 3.6 to
    /// 10 s over the scenario's 200 Mbit/s link; a held one costs a 0.1 s switch".
    /// </summary>
    private static string DownloadFacts(RunData run)
    {
        var sizes = ModelSizes(run).Values.ToList();
        var rate = Number(run, "base_stations.backhaul.rate");
        if (sizes.Count == 0 || double.IsNaN(rate))
        {
            return "the scenario's models and backhaul rate are not in the run's record";
        }

        var (small, large) = (sizes.Min(), sizes.Max());
        var switching = Number(run, "base_stations.server.switch_time");
        var held = double.IsNaN(switching) ? string.Empty : $"; a held one costs a {MetricText.Number(switching)} s switch";
        return $"a {MetricText.Number(small / 8e6)} to {MetricText.Number(large / 8e6)} MB model takes {MetricText.Number(small / rate)} to {MetricText.Number(large / rate)} s over the scenario's {MetricText.Number(rate / 1e6)} Mbit/s link{held}";
    }

    /// <summary>Whether each model count's models fit one server's cache, from each group's scenario (<paramref name="groups"/>: the count and one of its runs).</summary>
    private static string CacheFacts(IReadOnlyList<(string Models, RunData Run)> groups)
    {
        var needs = groups.Select(g =>
        {
            var sizes = ModelSizes(g.Run);
            var used = Enumerable.Range(0, (int)Number(g.Run, "count(ues.task_types)")).Select(i => g.Run.Value($"ues.task_types.{i}.model")).Distinct();
            return (g.Models, Bits: used.Sum(m => m is not null && sizes.TryGetValue(m, out var b) ? b : double.NaN), Capacity: Number(g.Run, "base_stations.server.cache.capacity"));
        }).ToList();
        if (needs.Count == 0 || needs.Any(n => double.IsNaN(n.Bits) || double.IsNaN(n.Capacity)))
        {
            return "The runs do not record every model count's model sizes and cache capacity.";
        }

        string Mb(double bits) => MetricText.Number(bits / 8e6);
        var over = needs.Where(n => n.Bits > n.Capacity).ToList();
        var listed = string.Join(", ", needs.Select(n => $"{n.Models} models: {Mb(n.Bits)} MB"));
        return over.Count == needs.Count
            ? $"No model count fits its models in one server's {Mb(needs[0].Capacity)} MB cache ({listed}), so every count downloads and evicts."
            : over.Count == 0
                ? $"One server's {Mb(needs[0].Capacity)} MB cache holds every model at every model count ({listed})."
                : $"One server's {Mb(needs[0].Capacity)} MB cache holds every model with {string.Join(", ", needs.Except(over).Select(n => n.Models))} models, not with {string.Join(", ", over.Select(n => n.Models))} ({listed}).";
    }

    /// <summary>Each model's size in bits, by name, from <paramref name="run"/>'s scenario.</summary>
    private static Dictionary<string, double> ModelSizes(RunData run)
    {
        var sizes = new Dictionary<string, double>(StringComparer.Ordinal);
        var count = Number(run, "count(models)");
        for (var i = 0; i < (double.IsNaN(count) ? 0 : count); i++)
        {
            if (run.Value($"models.{i}.name") is { } name)
            {
                sizes[name] = Number(run, $"models.{i}.size");
            }
        }

        return sizes;
    }

    private static double Number(RunData run, string key) => run.Value(key) is { } text ? ParamValue.Number(text) : double.NaN;

    /// <summary>The number of models of a Fig. 3 run, from its scenario file (models-K.yaml; wang2025.yaml has 6).</summary>
    private static string Models(RunData run)
    {
        var name = Path.GetFileNameWithoutExtension(run.Row.Scenario);
        return name.StartsWith("models-", StringComparison.Ordinal) ? name["models-".Length..] : "6";
    }
}

/// <summary>
/// Where a policy's decided tasks went and what those sent to an edge server spent: shares of the
/// tasks, and means over the edge tasks: the share of a task's work sent there, and times in seconds
/// (NaN where none had the value).
/// </summary>
internal sealed record EdgeSpend(double OnDevice, double ToEdge, double WorkOffloaded, double EdgeRatio, double Upload, double ModelWait, double Waited, double Compute)
{
    /// <summary>The spend of <paramref name="tasks"/>, null for no task.</summary>
    public static EdgeSpend? Of(IReadOnlyList<Network.Recording.TaskRecord> tasks)
    {
        if (tasks.Count == 0)
        {
            return null;
        }

        var edge = tasks.Where(t => t.Target!.StartsWith("edge", StringComparison.Ordinal)).ToList();
        double Mean(Func<Network.Recording.TaskRecord, double> f)
        {
            var values = edge.Select(f).Where(v => !double.IsNaN(v)).ToList();
            return values.Count == 0 ? double.NaN : values.Average();
        }

        return new EdgeSpend(
            tasks.Average(t => t.Target == "local" ? 1.0 : 0.0),
            (double)edge.Count / tasks.Count,
            tasks.Average(t => t.Target == "local" ? 0 : double.IsNaN(t.OffloadRatio) ? 1 : t.OffloadRatio),
            Mean(t => double.IsNaN(t.OffloadRatio) ? 1 : t.OffloadRatio),
            Mean(t => t.UploadEnd - t.UploadStart),
            Mean(t => t.ModelWait),
            Mean(t => double.IsNaN(t.ModelWait) ? double.NaN : t.ModelWait > 0 ? 1 : 0),
            Mean(t => t.ServiceEnd - t.ServiceStart));
    }
}
