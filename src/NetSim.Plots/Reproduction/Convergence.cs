using NetSim.Network.Recording;

namespace NetSim.Plots.Reproduction;

/// <summary>
/// How an agent's training reward settled, from its episodes (the mean over runs where several
/// trained the same agent). Episodes are counted from 1 in training order, so the last of
/// <see cref="Episodes"/> episodes is episode <see cref="Episodes"/>.
/// </summary>
/// <param name="Agent">The agent.</param>
/// <param name="Episodes">Episodes trained.</param>
/// <param name="FirstTenReward">Mean reward of the first ten episodes (all of them if fewer).</param>
/// <param name="FinalReward">Mean reward of the last tenth of the episodes (at least one episode): the final level.</param>
/// <param name="ReachedAt">
/// The first episode (from 1) at which the mean reward of the ten episodes ending there is at least
/// <see cref="FinalReward"/>, or null when no such ten-episode window exists (the final level is
/// above every earlier one, or fewer than ten episodes ran).
/// </param>
/// <param name="FinalLatency">Mean task latency (s) over the last tenth of the episodes.</param>
/// <param name="TrainingSeconds">Wall seconds of every episode, summed.</param>
internal sealed record Convergence(string Agent, int Episodes, double FirstTenReward, double FinalReward, int? ReachedAt, double FinalLatency, double TrainingSeconds)
{
    /// <summary>Episodes in the moving average.</summary>
    public const int Window = 10;

    public static Convergence Of(string agent, IEnumerable<EpisodeRecord> episodes)
    {
        var ordered = episodes.Where(e => e.Agent == agent).GroupBy(e => e.Episode).OrderBy(g => g.Key)
            .Select(g => (Reward: g.Average(e => e.Reward), Latency: g.Average(e => e.MeanLatency), Wall: g.Sum(e => e.WallSeconds)))
            .ToList();
        if (ordered.Count == 0)
        {
            throw new MissingDataException($"no training episodes of agent '{agent}'");
        }

        var tenth = Math.Max(1, ordered.Count / 10);
        var last = ordered.Skip(ordered.Count - tenth).ToList();
        var final = last.Average(e => e.Reward);
        int? reached = null;
        for (var i = Window - 1; i < ordered.Count && reached is null; i++)
        {
            if (ordered.Skip(i - Window + 1).Take(Window).Average(e => e.Reward) >= final)
            {
                reached = i + 1;
            }
        }

        return new Convergence(agent, ordered.Count, ordered.Take(Window).Average(e => e.Reward), final, reached, last.Average(e => e.Latency), ordered.Sum(e => e.Wall));
    }
}
