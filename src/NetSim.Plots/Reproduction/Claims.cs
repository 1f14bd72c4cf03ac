using System.Globalization;
using System.Text.RegularExpressions;
using NetSim.Network.Metrics;
using NetSim.Plots.Data;

namespace NetSim.Plots.Reproduction;

/// <summary>
/// The numbers and comparisons the README states, computed the way <c>netsim run</c>'s summary is
/// (<see cref="MetricText"/>, <see cref="ConfidenceInterval"/>) and compared by
/// <see cref="PairedDifference"/>. A mean latency is over completed tasks; where a policy leaves
/// tasks unfinished, its completion rate and the mean over all created tasks (a lower bound) are
/// given beside it, and comparisons involving it use the all-tasks figure. Runs of a learned agent
/// trained with several seeds (<see cref="BySeed"/>) are pooled by replication (each replication's
/// value the mean over seeds); cells add the range of the per-seed means, and a comparison holds
/// only where every seed's comparison gives it.
/// </summary>
internal static partial class Claims
{
    /// <summary>Mean latency over completed tasks, in seconds.</summary>
    public static readonly Metric LatencySeconds = MetricCatalog.MeanLatency with { Unit = "s", Scale = 1 };

    /// <summary>Mean energy per created task, in joules.</summary>
    public static readonly Metric EnergyJoules = MetricCatalog.MeanEnergy with { Unit = "J", Scale = 1 };

    /// <summary>The per-replication values of <paramref name="metric"/> (the mean where several runs share a replication; NaN where none has a value).</summary>
    public static IReadOnlyDictionary<int, double> PerReplication(IEnumerable<RunData> runs, string metric) =>
        runs.GroupBy(r => r.Row.Replication).OrderBy(g => g.Key)
            .ToDictionary(g => g.Key, g => g.Select(r => Value(r, metric)).Where(v => !double.IsNaN(v)).DefaultIfEmpty(double.NaN).Average());

    /// <summary>A run's summary value of <paramref name="metric"/>, NaN when it has none.</summary>
    public static double Value(RunData run, string metric) => run.Summary.TryGetValue(metric, out var v) ? v : double.NaN;

    /// <summary>The mean over replications of <paramref name="metric"/>, in its unit.</summary>
    public static double Mean(Metric metric, IEnumerable<RunData> runs) =>
        ConfidenceInterval.Of(PerReplication(runs, metric.Name).Values.Select(v => v * metric.Scale)).Mean;

    /// <summary>The cell <c>netsim run</c>'s summary would show for <paramref name="metric"/> over <paramref name="runs"/>' replications.</summary>
    /// Over several training seeds, the range of the per-seed means follows in brackets.
    public static string Cell(Metric metric, IEnumerable<RunData> runs, bool withUnit = false)
    {
        var list = runs.ToList();
        var cell = MetricText.Cell(metric, PerReplication(list, metric.Name).Values.ToList(), withUnit);
        var seeds = BySeed(list);
        if (seeds.Count < 2)
        {
            return cell;
        }

        var means = seeds.Select(s => Mean(metric, s.Runs)).Where(m => !double.IsNaN(m)).ToList();
        return means.Count == 0 ? cell : $"{cell} [{MetricText.Number(means.Min())} to {MetricText.Number(means.Max())}]";
    }

    /// <summary>
    /// The training seed of a learned agent's run: SEED of its checkpoint's name NAME-sSEED.ckpt (as
    /// tools/reproduce-papers.sh names them), else the checkpoint's file name; null without a checkpoint.
    /// </summary>
    public static string? TrainingSeed(RunData run)
    {
        var checkpoint = run.Params.TryGetValue("policy.checkpoint", out var value) ? value : null;
        if (string.IsNullOrEmpty(checkpoint))
        {
            return null;
        }

        var name = Path.GetFileNameWithoutExtension(checkpoint);
        var match = SeedSuffix().Match(name);
        return match.Success ? match.Groups[1].Value : name;
    }

    /// <summary>The runs grouped by <see cref="TrainingSeed"/>, seeds in numeric order (one group for runs of at most one checkpoint).</summary>
    public static IReadOnlyList<(string? Seed, IReadOnlyList<RunData> Runs)> BySeed(IEnumerable<RunData> runs) =>
        runs.GroupBy(TrainingSeed)
            .OrderBy(g => int.TryParse(g.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, (IReadOnlyList<RunData>)g.ToList())).ToList();

    /// <summary>Whether any of <paramref name="runs"/> ended with created tasks not completed.</summary>
    public static bool LeavesTasks(IEnumerable<RunData> runs) => runs.Any(r => Value(r, MetricCatalog.CompletionRate.Name) < 1);

    /// <summary>
    /// The mean latency (in <paramref name="latency"/>'s unit) over completed tasks, and, where tasks
    /// were left unfinished, the mean over all created tasks (a lower bound) and the completion rate.
    /// </summary>
    public static string Latency(Metric latency, IReadOnlyList<RunData> runs, bool withUnit = false)
    {
        var cell = Cell(latency, runs, withUnit);
        if (!LeavesTasks(runs))
        {
            return cell;
        }

        var all = MetricCatalog.MeanLatencyAllTasks with { Unit = latency.Unit, Scale = latency.Scale };
        return $"{cell}; all tasks ≥ {Cell(all, runs, withUnit)}; {Cell(MetricCatalog.CompletionRate, runs, withUnit: true)} completed";
    }

    /// <summary>
    /// A's mean latency minus B's over their common replications, over completed tasks, or over
    /// all created tasks (a lower bound) when either left tasks unfinished.
    /// </summary>
    public static (ConfidenceInterval Difference, bool AllTasks) LatencyDifference(IReadOnlyList<RunData> a, IReadOnlyList<RunData> b)
    {
        var allTasks = LeavesTasks(a) || LeavesTasks(b);
        var metric = allTasks ? MetricCatalog.MeanLatencyAllTasks.Name : MetricCatalog.MeanLatency.Name;
        return (PairedDifference.Of(PerReplication(a, metric), PerReplication(b, metric)), allTasks);
    }

    /// <summary>The verdict as the README words it.</summary>
    public static string Words(PairedVerdict verdict) => verdict switch
    {
        PairedVerdict.Lower => "lower with 95% confidence",
        PairedVerdict.Higher => "higher with 95% confidence",
        PairedVerdict.Tie => "no difference NetSim can resolve",
        _ => "too few replications to compare",
    };

    /// <summary>"+0.2013 ± 0.1812 s (higher with 95% confidence)", in seconds, over <c>n</c> common replications.</summary>
    public static string Paired(IReadOnlyList<RunData> a, IReadOnlyList<RunData> b)
    {
        var (d, allTasks) = LatencyDifference(a, b);
        if (d.Count == 0)
        {
            return "not compared (no common replication)";
        }

        var interval = double.IsNaN(d.HalfWidth) ? Signed(d.Mean) : $"{Signed(d.Mean)} ± {MetricText.Number(d.HalfWidth)}";
        var over = allTasks ? ", over all created tasks as one of them leaves tasks unfinished" : string.Empty;
        var seeds = SeedVerdicts(a, b);
        var bySeed = seeds.Count == 0 ? string.Empty : $"; by training seed: {SeedWords(seeds)}";
        return $"{interval} s ({Words(PairedDifference.Verdict(d))}, {Count(d.Count, "replication")}{over}{bySeed})";
    }

    /// <summary>
    /// A's verdict against B's: the paired verdict of their runs, or, where either was trained with
    /// several seeds, the verdict every seed's comparison gives (null where the seeds disagree).
    /// </summary>
    public static PairedVerdict? Verdict(IReadOnlyList<RunData> a, IReadOnlyList<RunData> b)
    {
        var seeds = SeedVerdicts(a, b);
        if (seeds.Count == 0)
        {
            return PairedDifference.Verdict(LatencyDifference(a, b).Difference);
        }

        return seeds.All(s => s.Verdict == seeds[0].Verdict) ? seeds[0].Verdict : null;
    }

    /// <summary>
    /// A against B for each training seed where either was trained with several (seeds matched by
    /// label when both were; empty when neither was).
    /// </summary>
    private static IReadOnlyList<(string Seed, PairedVerdict Verdict)> SeedVerdicts(IReadOnlyList<RunData> a, IReadOnlyList<RunData> b)
    {
        var (seedsA, seedsB) = (BySeed(a), BySeed(b));
        IEnumerable<(string? Seed, IReadOnlyList<RunData> A, IReadOnlyList<RunData> B)> pairs =
            seedsA.Count > 1 && seedsB.Count > 1 ? seedsA.Join(seedsB, x => x.Seed, y => y.Seed, (x, y) => (x.Seed, x.Runs, y.Runs))
            : seedsA.Count > 1 ? seedsA.Select(x => (x.Seed, x.Runs, b))
            : seedsB.Count > 1 ? seedsB.Select(y => (y.Seed, a, y.Runs))
            : [];
        return pairs.Select(p => (p.Seed ?? "none", PairedDifference.Verdict(LatencyDifference(p.A, p.B).Difference))).ToList();
    }

    /// <summary>"seeds 1, 3 lower; seed 2 no difference NetSim can resolve".</summary>
    private static string SeedWords(IReadOnlyList<(string Seed, PairedVerdict Verdict)> seeds) =>
        string.Join("; ", seeds.GroupBy(s => s.Verdict).Select(g => $"{(g.Count() == 1 ? "seed" : "seeds")} {string.Join(", ", g.Select(s => s.Seed))} {Short(g.Key)}"));

    private static string Short(PairedVerdict verdict) => verdict switch
    {
        PairedVerdict.Lower => "lower",
        PairedVerdict.Higher => "higher",
        PairedVerdict.Tie => "no difference NetSim can resolve",
        _ => "too few replications to compare",
    };

    /// <summary>
    /// Where A's mean latency is below, above or level with B's across <paramref name="groups"/>
    /// (each a label and its runs of A and B), paired by replication within each group: "lower at
    /// every N", or the groups of each verdict.
    /// </summary>
    public static string Across(string label, IEnumerable<(string Group, IReadOnlyList<RunData> A, IReadOnlyList<RunData> B)> groups)
    {
        var verdicts = new List<(string Group, PairedVerdict? Verdict, bool AllTasks, string Seeds)>();
        foreach (var (group, a, b) in groups)
        {
            if (a.Count == 0 || b.Count == 0)
            {
                continue;
            }

            verdicts.Add((group, Verdict(a, b), LatencyDifference(a, b).AllTasks, SeedWords(SeedVerdicts(a, b))));
        }

        if (verdicts.Count == 0)
        {
            return "not compared (no common runs)";
        }

        var parts = new List<string>();
        foreach (var kind in new PairedVerdict?[] { PairedVerdict.Lower, PairedVerdict.Higher, PairedVerdict.Tie, PairedVerdict.TooFewReplications, null })
        {
            var at = verdicts.Where(v => v.Verdict == kind).ToList();
            if (at.Count == 0)
            {
                continue;
            }

            var groupNames = at.Select(v => v.Group).ToList();
            var where = at.Count == verdicts.Count ? (verdicts.Count == 1 ? $"at {label} = {groupNames[0]}" : $"at every {label}") : $"at {label} = {string.Join(", ", groupNames)} ({at.Count} of {verdicts.Count})";
            parts.Add(kind switch
            {
                PairedVerdict.Lower => $"lower {where}",
                PairedVerdict.Higher => $"higher {where}",
                PairedVerdict.Tie => $"no difference NetSim can resolve {where}",
                PairedVerdict.TooFewReplications => $"too few replications to compare {where}",
                _ => $"depends on the training seed {where} ({string.Join("; ", at.Select(v => $"{label} {v.Group}: {v.Seeds}"))})",
            });
        }

        var text = string.Join("; ", parts);
        if (verdicts.Any(v => v.Verdict is PairedVerdict.Lower or PairedVerdict.Higher or null))
        {
            text += " (95% confidence, paired by replication)";
        }

        var allTaskGroups = verdicts.Where(v => v.AllTasks).Select(v => v.Group).ToList();
        if (allTaskGroups.Count > 0)
        {
            text += $" [over all created tasks, a lower bound, {(allTaskGroups.Count == verdicts.Count ? "everywhere" : $"at {label} = {string.Join(", ", allTaskGroups)}")}, as tasks are left unfinished there]";
        }

        return text;
    }

    /// <summary>Whether A is lower than B in every group of <see cref="Across"/> with 95% confidence.</summary>
    public static bool LowerEverywhere(IEnumerable<(string Group, IReadOnlyList<RunData> A, IReadOnlyList<RunData> B)> groups)
    {
        var compared = groups.Where(g => g.A.Count > 0 && g.B.Count > 0).ToList();
        return compared.Count > 0 && compared.All(g => Verdict(g.A, g.B) == PairedVerdict.Lower);
    }

    /// <summary>"grows", "falls" or "does not change monotonically": how the means move along the groups.</summary>
    public static string Trend(IReadOnlyList<double> means)
    {
        var steps = means.Zip(means.Skip(1), (x, y) => y - x).ToList();
        return means.Count == 0 ? "has no data"
            : steps.Count == 0 ? "has one point"
            : steps.All(s => s > 0) ? "grows"
            : steps.All(s => s < 0) ? "falls"
            : steps.All(s => s == 0) ? "is flat"
            : "does not change monotonically";
    }

    /// <summary>A mean with its sign always shown.</summary>
    public static string Signed(double v) => v >= 0 ? $"+{MetricText.Number(v)}" : MetricText.Number(v);

    /// <summary>"1 replication", "3 replications".</summary>
    public static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n.ToString(CultureInfo.InvariantCulture)} {noun}s";

    /// <summary>A share in percent, rounded to a whole number.</summary>
    public static string Percent(double fraction) => (fraction * 100).ToString("F0", CultureInfo.InvariantCulture) + "%";

    [GeneratedRegex(@"-s(\d+)$", RegexOptions.CultureInvariant)]
    private static partial Regex SeedSuffix();
}
