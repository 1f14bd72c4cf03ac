using NetSim.Learning.Training;

namespace NetSim.Learning.Agents;

/// <summary>
/// The DDPG family's hyperparameters, read from <c>policy.options</c> (section IV-A defaults first;
/// batch 1024 is the paper's, the reproduction of wang2025 uses 128, an update costing about
/// linearly in it): learning_rate (0.001), discount (0.95), tau (0.01), replay (10000), batch (1024),
/// hidden (64), epsilon (0.1), epsilon_decay per episode (0.95), epsilon_min (0.02), noise on the
/// ratio (0.5), noise_decay (0.97), noise_min (0.02), output_penalty (0.001), update_every (1),
/// grad_clip (0.5: the largest global L2 norm of each update's gradient, as Lowe et al.'s MADDPG
/// code; 0 = none), share (0: each device its own actor and critic; 1: one actor and one critic
/// for all devices), the checkpoint selection's validate_every (5 episodes; 0 keeps the last
/// state) and validation_seeds (3; <see cref="ValidationPlan"/>), and the cost's time_scale (10ms),
/// penalty (1), energy_weight (0), energy_scale (1), drop_penalty (10) and cost_clip (30 cost
/// units). <see cref="MaddpgAgent"/> says what each of the others does.
/// </summary>
internal sealed record MaddpgOptions(
    double LearningRate,
    double Discount,
    double Tau,
    int Replay,
    int Batch,
    int Hidden,
    double Epsilon,
    double EpsilonDecay,
    double EpsilonMin,
    double Noise,
    double NoiseDecay,
    double NoiseMin,
    int UpdateEvery,
    double OutputPenalty,
    double GradClip,
    bool Share,
    ValidationPlan Validation,
    CostModel Cost)
{
    /// <summary>Reads and checks the options of agent <paramref name="name"/> (an unknown key is an error naming the known ones).</summary>
    public static MaddpgOptions Read(string name, IReadOnlyDictionary<string, object?> values)
    {
        var options = new OptionReader(name, values);
        var result = Read(options);
        options.Check();
        return result;
    }

    /// <summary>Reads every option through <paramref name="options"/> (which then knows them all).</summary>
    public static MaddpgOptions Read(OptionReader options) =>
        new(
            LearningRate: options.Number("learning_rate", 0.001, 1e-7, 1),
            Discount: options.Number("discount", 0.95, 0, 1),
            Tau: options.Number("tau", 0.01, 0, 1),
            Replay: options.Integer("replay", 10_000, 1, 10_000_000),
            Batch: options.Integer("batch", 1024, 1, 1_000_000),
            Hidden: options.Integer("hidden", 64, 4, 4096),
            Epsilon: options.Number("epsilon", 0.1, 0, 1),
            EpsilonDecay: options.Number("epsilon_decay", 0.95, 0, 1),
            EpsilonMin: options.Number("epsilon_min", 0.02, 0, 1),
            Noise: options.Number("noise", 0.5, 0, 10),
            NoiseDecay: options.Number("noise_decay", 0.97, 0, 1),
            NoiseMin: options.Number("noise_min", 0.02, 0, 10),
            UpdateEvery: options.Integer("update_every", 1, 1, 1_000_000),
            OutputPenalty: options.Number("output_penalty", 0.001, 0, 1e6),
            GradClip: options.Number("grad_clip", 0.5, 0, 1e6),
            Share: options.Integer("share", 0, 0, 1) == 1,
            Validation: ValidationPlan.Read(options, every: 5),
            Cost: CostModel.Read(options, clip: 30));

    /// <summary>The hyperparameters as a checkpoint records them.</summary>
    public override string ToString() =>
        $"learning_rate={LearningRate} discount={Discount} tau={Tau} replay={Replay} batch={Batch} hidden={Hidden} epsilon={Epsilon} epsilon_decay={EpsilonDecay} epsilon_min={EpsilonMin} noise={Noise} noise_decay={NoiseDecay} noise_min={NoiseMin} update_every={UpdateEvery} output_penalty={OutputPenalty} grad_clip={GradClip} share={(Share ? 1 : 0)} {Validation} {Cost}";
}
