using NetSim.Learning.Environment;

namespace NetSim.Learning.Agents;

/// <summary>
/// The cost of one ended task, which rewards negate: latency / time_scale, plus energy_weight x
/// energy / energy_scale, plus <c>penalty</c> when the task missed its latency bound T^u (or was
/// dropped, or left unfinished), plus <c>drop_penalty</c> when it never completed (dropped, for
/// example on a model miss without download, or unfinished): without it, giving a task up early
/// would cost less than finishing it late. The agents learn from the cost capped at
/// <c>cost_clip</c> (<see cref="LearningCost"/>): when uploads pile up from one epoch to the next,
/// costs grow without bound (hundreds of seconds in an early, exploring episode) and would drown
/// the differences of a few tenths that a policy must learn; the rewards reported for episodes
/// are not capped. The bound is enforced by this fixed penalty rather than a
/// Lagrange multiplier: Zhou et al.'s TD(0) critic needs a stationary reward, which a multiplier
/// adapted during training would not give, and a per-task penalty makes a violation cost the same
/// in every slot, so the bound binds from the first episode without a dual step size to tune.
/// </summary>
/// <param name="TimeScale">Seconds per unit of latency cost.</param>
/// <param name="Penalty">Cost of a missed bound, in latency units.</param>
/// <param name="EnergyWeight">Weight of energy.</param>
/// <param name="EnergyScale">Joules per unit of energy cost.</param>
/// <param name="DropPenalty">Extra cost of a task that never completed.</param>
/// <param name="Clip">Most a task costs in what the agents learn from.</param>
public sealed record CostModel(double TimeScale, double Penalty, double EnergyWeight, double EnergyScale, double DropPenalty, double Clip)
{
    /// <summary>Reads time_scale, penalty, energy_weight, energy_scale, drop_penalty and cost_clip (default <paramref name="clip"/>, the agent's).</summary>
    public static CostModel Read(OptionReader options, double clip) => new(
        options.Seconds("time_scale", 0.01, 1e-9, 1e6),
        options.Number("penalty", 1, 0, 1e6),
        options.Number("energy_weight", 0, 0, 1e6),
        options.Number("energy_scale", 1, 1e-12, 1e12),
        options.Number("drop_penalty", 10, 0, 1e6),
        options.Number("cost_clip", clip, 1e-9, 1e12));

    /// <summary>The cost of <paramref name="task"/>.</summary>
    public double Cost(in TaskResult task)
    {
        var cost = task.Latency / TimeScale;
        if (!task.MetBound)
        {
            cost += Penalty;
        }

        if (!task.Completed)
        {
            cost += DropPenalty;
        }

        if (EnergyWeight > 0)
        {
            cost += EnergyWeight * task.EnergyJ / EnergyScale;
        }

        return cost;
    }

    /// <summary>The cost of <paramref name="task"/> capped at <see cref="Clip"/>: what the agents learn from.</summary>
    public double LearningCost(in TaskResult task) => Math.Min(Clip, Cost(task));

    /// <summary>Minus the mean cost of <paramref name="tasks"/> (0 for none): Zhou et al.'s slot reward with the bound's penalty.</summary>
    public double MeanReward(IReadOnlyList<TaskResult> tasks)
    {
        if (tasks.Count == 0)
        {
            return 0;
        }

        var sum = 0.0;
        foreach (var t in tasks)
        {
            sum += Cost(t);
        }

        return -sum / tasks.Count;
    }

    /// <summary>The text recorded in checkpoints.</summary>
    public override string ToString() => $"time_scale={TimeScale} penalty={Penalty} energy_weight={EnergyWeight} energy_scale={EnergyScale} drop_penalty={DropPenalty} cost_clip={Clip}";
}
