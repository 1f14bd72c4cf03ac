using NetSim.Network.Metrics;
using NetSim.Plots.Data;

namespace NetSim.Plots.Reproduction;

/// <summary>Zhou et al.: Figs. 3, 4 and 5.</summary>
public sealed partial class PapersReadme
{
    private const string UeCount = "ues.count";
    private const string Deadline = "ues.task_types.0.deadline";

    private static readonly (string Key, string Label)[] ZhouSeries =
    [
        ("actor-critic", "Proposed (actor-critic)"), ("greedy", "Greedy (Zhou et al.)"), ("random", "Random"),
        ("least-latency", "least-latency (beyond)"), ("optimal", "optimal (beyond)"),
    ];

    private void ZhouFig3()
    {
        var db = Db("zhou2024-fig3.db");
        Paragraph("## Zhou et al., Fig. 3: latency against the number of UEs");
        Paragraph("![zhou2024-fig3](zhou2024-fig3.png)");
        Paragraph("""
            **Paper:** "as the number of UEs in the set increases from 10 to 40, the processing time increases
            for all the offloading schemes, but the proposed scheme consistently demonstrates a clear advantage
            in taking the least time to execute the tasks" (Fig. 3: proposed < greedy < random at every N).
            """);
        Paragraph("**NetSim** (scenarios/papers/zhou2024/zhou2024.yaml, Table I; mean latency over completed tasks in ms):");
        Pivot("N", db.Runs, N, ZhouSeries, r => r.Row.Policy, runs => Claims.Latency(MetricCatalog.MeanLatency, runs));

        var ns = OrderedGroups(db.Runs.Select(N));
        string Trend(string policy) => Claims.Trend(ns.Select(n => db.Of(policy, r => N(r) == n)).Where(r => r.Count > 0).Select(r => Claims.Mean(MetricCatalog.MeanLatency, r)).ToList());
        string At(string policy, string n) => Claims.Latency(MetricCatalog.MeanLatency, db.Of(policy, r => N(r) == n), withUnit: true);
        var groups = (string a, string b) => ns.Select(n => (n, db.Of(a, r => N(r) == n), db.Of(b, r => N(r) == n)));
        var first = ns[0];
        var last = ns[^1];
        var randomWorst = ns.Where(n => db.Of("random", r => N(r) == n).Count > 0).ToList();
        var worstEverywhere = randomWorst.Count > 0 && randomWorst.All(n =>
            ZhouSeries.Where(s => s.Key != "random").All(s => Claims.LowerEverywhere([(n, db.Of(s.Key, r => N(r) == n), db.Of("random", r => N(r) == n))])));
        var agreesWithPaper = Claims.LowerEverywhere(groups("actor-critic", "greedy"));
        Paragraph($"""
            **Agreement.** Mean latency {Trend("actor-critic")} with N for the actor-critic ({At("actor-critic", first)} at N = {first},
            {At("actor-critic", last)} at N = {last}) and {Trend("greedy")} with N for greedy ({At("greedy", first)} to {At("greedy", last)}); random is
            {(worstEverywhere ? "the worst at every N (every other policy lower with 95% confidence)" : "not the worst at every N with 95% confidence")}.
            Paired by replication, the proposed actor-critic's mean latency against greedy's: {Claims.Across("N", groups("actor-critic", "greedy"))}{(agreesWithPaper ? ", as the paper shows" : "; the paper shows it lower at every N")}.
            Beyond the paper, against least-latency: {Claims.Across("N", groups("actor-critic", "least-latency"))}; and
            against the per-slot optimum: {Claims.Across("N", groups("actor-critic", "optimal"))}. Here
            `optimal` solves each slot's problem (1) in a model where the slot's own uploads share their
            stations' bands but do not interfere with one another (docs/optimal.md), while the agent learns
            from the world's latencies, that interference included. The agent scores each task's candidates (device,
            each station) with one shared network on features that count the slot's earlier decisions, and
            each task's cost is clipped in the TD error so that early episodes whose uploads pile up
            do not drown the signal (src/NetSim.Learning/Agents/ActorCriticAgent.cs); it is trained only at
            N = 40, and each seed's checkpoint runs at every N.
            """);

        var random = db.Of("random", r => N(r) == last);
        Paragraph($"""
            **Disagreement.** Random is not a little worse but orders of magnitude worse at N = {last}
            ({Claims.Cell(Claims.LatencySeconds, random, withUnit: true)} over completed tasks, at least {Claims.Cell(Claims.LatencySeconds with { Name = MetricCatalog.MeanLatencyAllTasks.Name }, random, withUnit: true)} over
            all created tasks, {Claims.Cell(MetricCatalog.CompletionRate, random)}% of them finished within the 10-minute cap):
            it sends tasks to stations up to 1.5 km away, whose uploads under eq. 2's SINR outlast the 1 s
            slot, pile up and interfere with every later slot, so the uplink collapses. The paper's random
            curve is a modest factor above greedy, which eq. 2 as printed does not give in this world.
            """);
    }

    private void ZhouFig4()
    {
        var db = Db("zhou2024-fig4.db");
        Paragraph("## Zhou et al., Fig. 4: UEs meeting the 15 ms and 20 ms bounds");
        Paragraph("![zhou2024-fig4](zhou2024-fig4.png)");
        Paragraph("""
            **Paper:** with the bound set to 15 ms and 20 ms in training, "as the number of UEs increases from
            10 to 40, few UEs violate the latency bound due to increased contention for computing resources"
            (Fig. 4: nearly all N UEs meet either bound).
            """);
        Paragraph("""
            **NetSim** (the actor-critic trained and evaluated with each bound; UEs meeting the bound per slot
            = deadline-met rate (over every created task, all of which have the bound) x N):
            """);
        var ues = new Metric("ues_meeting_bound", "UEs meeting the bound", string.Empty, 1, "per slot", "deadline-met rate times N");
        string Meeting(IReadOnlyList<RunData> runs) => MetricText.Cell(ues, runs.GroupBy(r => r.Row.Replication).OrderBy(g => g.Key)
            .Select(g => g.Average(r => Claims.Value(r, MetricCatalog.DeadlineMetRate.Name) * ParamValue.Number(N(r)))).ToList());
        Pivot("N", db.Runs, N, [("15ms", "bound 15 ms"), ("20ms", "bound 20 ms")], r => r.Value(Deadline) ?? string.Empty, Meeting);

        var fig3 = Db("zhou2024-fig3.db");
        var ends = OrderedGroups(fig3.Runs.Select(N));
        var shown = ends.Count > 1 ? new[] { ends[0], ends[^1] } : ends.ToArray();
        Paragraph($"Share of tasks meeting the bound (% of created tasks) under every policy at N = {string.Join(" and N = ", shown)}:");
        Pivot("N (bound 15 ms)", fig3.Runs.Where(r => shown.Contains(N(r))), N, ZhouSeries, r => r.Row.Policy, runs => Claims.Cell(MetricCatalog.DeadlineMetRate, runs));

        string Met(string bound)
        {
            var runs = db.Runs.Where(r => r.Value(Deadline) == bound).ToList();
            var met = runs.Sum(r => Claims.Value(r, MetricCatalog.DeadlineMetRate.Name) * Claims.Value(r, MetricCatalog.TasksCreated.Name));
            var created = runs.Sum(r => Claims.Value(r, MetricCatalog.TasksCreated.Name));
            return $"{F(met, 0)} of {F(created, 0)}";
        }

        Paragraph($"""
            **Disagreement.** Almost no UE meets either bound under any policy (the actor-critic's runs: {Met("15ms")}
            created tasks within 15 ms, {Met("20ms")} within 20 ms), while the paper shows nearly all of them meeting
            both. Table I's own values rule it out: an edge task computes 200 MFLOP at 15 GFLOPS,
            13.3 ms, and a device task 50 MFLOP at 300 MFLOPS, 166.7 ms. Within 15 ms the 100-200 KB upload
            would have 1.7 ms: at least 470 Mbit/s over 20 MHz (23.5 bit/s/Hz, an SINR above 70 dB). Within
            20 ms it would have 6.7 ms: 120 to 240 Mbit/s (SINR 18 to 36 dB), which with 20 dBm, -100 dBm
            noise and the 3GPP path loss means a UE within about 70 to 200 m of a station, with the band to
            itself and no interference, while every slot's uploads start together and, under eq. 2, interfere
            at full power. The scenario keeps Table I's values rather than changing them to produce the figure.
            """);
    }

    private void ZhouFig5()
    {
        var db = Db("zhou2024-fig5.db");
        Paragraph("## Zhou et al., Fig. 5: training convergence");
        Paragraph("![zhou2024-fig5](zhou2024-fig5.png)");
        Paragraph("""
            **Paper:** "we plotted the average reward of each epoch as the DRL training advances" (Fig. 5: the
            reward rises and levels off).
            """);
        Paragraph("""
            **NetSim** (actor-critic, bound 15 ms, N = 40; reward = minus the latency cost in units of
            time_scale = 100 ms minus 1 per task missing its bound):
            """);
        var rows = ConvergenceTable(db, ["actor-critic"]);
        var c = rows[0];
        var levels = c.FirstTenReward < c.FinalReward ? "rises" : "does not rise";
        var settles = c.ReachedAt is { } at
            ? $"levels off: its ten-episode mean first reaches the final level at episode {I(at)} of {I(c.Episodes)}"
            : c.Episodes < Convergence.Window ? $"ran fewer than {I(Convergence.Window)} episodes, too few to say whether it levels off"
            : "is still rising at the end: no ten earlier episodes reach the final level";
        Paragraph($"""
            **Agreement.** The reward {levels} (first ten episodes {F(c.FirstTenReward, 1)}, last tenth {F(c.FinalReward, 1)}) and {settles}, as in
            the paper's Fig. 5 where it levels off. The first episodes are far below the rest because the untrained
            policy offloads at random and collapses the uplink (the random baseline's failure above); the agent
            learns to avoid that, and the moving average then creeps up to its final level.
            """);
    }

    /// <summary>The convergence table of <paramref name="agents"/>, written, and its rows.</summary>
    private List<Convergence> ConvergenceTable(WorkDatabase db, IReadOnlyList<string> agents)
    {
        var episodes = db.Episodes();
        var rows = agents.Select(a => Convergence.Of(a, episodes)).ToList();
        Line($"| agent | episodes | mean reward, first {I(Convergence.Window)} | mean reward, last tenth | ten-episode mean first reaches the last tenth's (episodes from 1) | mean latency, last tenth (s) | training time (s) |");
        Line("|---|---|---|---|---|---|---|");
        foreach (var c in rows)
        {
            var reached = c.ReachedAt is { } at ? $"episode {I(at)}"
                : c.Episodes < Convergence.Window ? $"undefined (fewer than {I(Convergence.Window)} episodes)"
                : "never (still improving at the end)";
            Line($"| {c.Agent} | {I(c.Episodes)} | {F(c.FirstTenReward, 1)} | {F(c.FinalReward, 1)} | {reached} | {F(c.FinalLatency, 3)} | {F(c.TrainingSeconds, 0)} |");
        }

        Line();
        return rows;
    }

    private static string N(RunData run) => run.Value(UeCount) ?? string.Empty;
}
