using NetSim.Network.Recording;
using NetSim.Plots.Figures;
using NetSim.Traces;

namespace NetSim.Plots.Building;

/// <summary>Episode reward per agent: the mean over runs per episode (faint) and its trailing moving average.</summary>
internal static class ConvergenceFigure
{
    public static FigureData Build(TraceReader reader, FigureSpec spec)
    {
        var episodes = reader.Runs().SelectMany(r => reader.Episodes(r.RunId)).ToList();
        if (episodes.Count == 0)
        {
            throw new MissingDataException($"{reader.Source}: the episodes table is empty (train an agent into this database first)");
        }

        var agents = spec.Policies.Count > 0 ? spec.Policies : episodes.Select(e => e.Agent).Distinct().ToList();
        var missing = agents.Where(a => episodes.All(e => e.Agent != a)).ToList();
        if (missing.Count > 0)
        {
            throw new MissingDataException($"{reader.Source}: no episodes of agent{(missing.Count == 1 ? string.Empty : "s")} {string.Join(", ", missing.Select(m => $"'{m}' ({PolicyNames.Display(m)})"))} (episodes hold: {string.Join(", ", episodes.Select(e => e.Agent).Distinct())})");
        }

        var series = new List<Series>();
        for (var a = 0; a < agents.Count; a++)
        {
            var (x, raw) = MeanPerEpisode(episodes.Where(e => e.Agent == agents[a]));
            series.Add(new Series(null, x, raw, null, SeriesStyle.Faint, a));
            series.Add(new Series(PolicyNames.Display(agents[a]), x, Smoothing.MovingAverage(raw, spec.Smoothing), null, SeriesStyle.Line, a));
        }

        return new FigureData(spec.Name, [new Panel(string.Empty, "Episode", $"Episode reward (moving average of {spec.Smoothing})", series)]);
    }

    private static (double[] X, double[] Y) MeanPerEpisode(IEnumerable<EpisodeRecord> episodes)
    {
        var byEpisode = episodes.Where(e => !double.IsNaN(e.Reward)).GroupBy(e => e.Episode).OrderBy(g => g.Key).ToList();
        return (byEpisode.Select(g => (double)g.Key).ToArray(), byEpisode.Select(g => g.Average(e => e.Reward)).ToArray());
    }
}
