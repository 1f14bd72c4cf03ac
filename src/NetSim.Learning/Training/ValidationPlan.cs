using NetSim.Learning.Agents;

namespace NetSim.Learning.Training;

/// <summary>
/// How training picks the checkpoint it keeps: every <see cref="Every"/> episodes the agent decides
/// greedily on <see cref="Seeds"/> held-out worlds (seeds apart from the training episodes' and from
/// the replications <c>netsim run</c> evaluates), and the state with the highest mean return over
/// them is the one kept at the end. Every = 0 keeps the last state.
/// </summary>
/// <param name="Every">Episodes between validations (0: no validation, the last state is kept).</param>
/// <param name="Seeds">Held-out worlds per validation.</param>
public sealed record ValidationPlan(int Every, int Seeds)
{
    /// <summary>Reads validate_every (default <paramref name="every"/>) and validation_seeds (default 3).</summary>
    public static ValidationPlan Read(OptionReader options, int every) => new(
        options.Integer("validate_every", every, 0, 1_000_000),
        options.Integer("validation_seeds", 3, 1, 1000));

    /// <summary>The text recorded in checkpoints.</summary>
    public override string ToString() => $"validate_every={Every} validation_seeds={Seeds}";
}
