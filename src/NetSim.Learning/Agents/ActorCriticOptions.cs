using NetSim.Learning.Training;

namespace NetSim.Learning.Agents;

/// <summary>
/// The actor-critic agent's hyperparameters, read from <c>policy.options</c>: hidden (64), actor_lr
/// (0.001), critic_lr (0.005), discount (0), entropy (0.01), team_credit (1), the checkpoint
/// selection's validate_every (10 episodes; 0 keeps the last state) and validation_seeds (3;
/// <see cref="ValidationPlan"/>) and the cost's options with cost_clip 20 (<see cref="CostModel"/>). <see cref="ActorCriticAgent"/> says what each does.
/// </summary>
internal sealed record ActorCriticOptions(int Hidden, double ActorLr, double CriticLr, double Discount, double Entropy, double TeamCredit, ValidationPlan Validation, CostModel Cost)
{
    /// <summary>Reads every option through <paramref name="options"/> (which then knows them all).</summary>
    public static ActorCriticOptions Read(OptionReader options) => new(
        options.Integer("hidden", 64, 4, 4096),
        options.Number("actor_lr", 0.001, 1e-7, 1),
        options.Number("critic_lr", 0.005, 1e-7, 1),
        options.Number("discount", 0, 0, 1),
        options.Number("entropy", 0.01, 0, 10),
        options.Number("team_credit", 1, 0, 1),
        ValidationPlan.Read(options, every: 10),
        CostModel.Read(options, clip: 20));

    /// <summary>The hyperparameters as a checkpoint records them.</summary>
    public override string ToString() => $"hidden={Hidden} actor_lr={ActorLr} critic_lr={CriticLr} discount={Discount} entropy={Entropy} team_credit={TeamCredit} {Validation} {Cost}";
}
