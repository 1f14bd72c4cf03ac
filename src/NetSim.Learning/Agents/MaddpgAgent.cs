using NetSim.Learning.Environment;
using NetSim.Learning.Networks;
using NetSim.Learning.Training;
using NetSim.Network.Scheduling;
using TorchSharp;
using static TorchSharp.torch;

namespace NetSim.Learning.Agents;

/// <summary>
/// The DDPG family of Wang, Li and Wang (section III-B), one agent per device: each device m has a
/// decentralised actor v_m(o_m) on its own observation and a critic Q_m. For <c>maddpg-mato</c>
/// and <c>maddpg-nomodel</c> the critic is centralised, Q_m(s, a_1..a_N) over every device's
/// observation and action; for <c>ddpg</c> (SADDPG) it sees only Q_m(o_m, a_m). The action is the
/// offloading target, the offload ratio and (model-aware) whether to download the model. Updates
/// sample the replay memory: y = r_m + gamma Q'_m(s', v'_1(o'_1), ..., v'_N(o'_N)); the critic
/// minimises (y - Q_m)^2, the actor ascends Q_m with its own action replaced by v_m(o_m); target
/// networks follow by soft update tau. Device m's reward is minus the total cost of its tasks in
/// the epoch (<see cref="CostModel"/>; 0 without a task). Encodings: <see cref="DeviceEncoding"/>.
/// <para>
/// Departures from the paper (which does not say how its actor outputs a discrete target), each
/// standard practice for DDPG with discrete parts in its action, and why:
/// <list type="bullet">
/// <item>Discrete choices: the actor gives a logit per target and a download logit; the critics
/// see the target as a one-hot and the download as +1 or -1. The actor ascends its critic's value
/// averaged over the discrete choices, sum_c pi_m(c | o_m) Q_m(s, a with device m's choice c and
/// its ratio), pi the softmax of the target logits times the sigmoid of the download logit (at an
/// edge): the exact gradient over the few choices for the logits (expected policy gradient, Ciosek
/// and Whiteson 2018; as discrete soft actor-critic, Christodoulou 2019), and for the continuous
/// ratio the deterministic policy gradient of eq. (21) averaged over them. The greedy decision is
/// the argmax.
/// Measured on wang2025: the argmax of continuous scores under Gaussian noise (the first version)
/// drove the ratio to 0 (an all-local policy); a straight-through Gumbel-softmax (Lowe et al.
/// 2017) left actors on local where their own critic valued the cloud higher.</item>
/// <item>Exploration: with probability <c>epsilon</c> (times <c>epsilon_decay</c> each episode,
/// at least <c>epsilon_min</c>) a device's target is drawn uniformly and its download choice by a
/// coin; otherwise the actor's; Gaussian noise of deviation <c>noise</c> (decaying likewise) on the
/// ratio. Gaussian noise on every score offloaded most tasks to random servers, and random
/// offloading collapses the shared uplink (mean latency over 400 s on wang2025).</item>
/// <item>Output penalty: the actor's loss adds <c>output_penalty</c> times the mean square of its
/// outputs (logits, ratio and download before their squashing), as Lowe et al.'s MADDPG code does
/// (weight 0.001), so that neither a softmax nor the ratio's sigmoid saturates: a saturated output
/// has almost no gradient, and without the penalty some devices kept a ratio near 0 or a target
/// their critic no longer preferred (wang2025, 80 episodes: with 5 devices one device ran every
/// task locally, 4.2 s mean latency against 1.7 s with the penalty; with 20 devices 1,050 of 2,921
/// tasks went to an edge with ratio 0, 4.4 s against 3.2 s).</item>
/// <item>Bounded reward: the cost of a task fed to the critics is capped at <c>cost_clip</c>
/// (<see cref="CostModel.LearningCost"/>), so the hundreds of seconds of an early collapse do not
/// swamp the differences of a few seconds that the policy must learn.</item>
/// <item>Only deciding devices act: in an epoch where device m has no task (in arrival epochs, all
/// but one device) its action is all zeros, in the replay memory and in the target actions, and
/// its actor learns only from the sampled epochs in which it had a task.</item>
/// <item>One update of every actor and critic each <c>update_every</c> epochs (default every
/// epoch). The networks of all devices are evaluated as one batched ensemble
/// (<see cref="EnsembleMlp"/>, <see cref="JointCritics"/>): each device keeps its own weights and
/// optimiser state, and the result is that of separate networks.</item>
/// </list>
/// </para>
/// Options (section IV-A defaults first; batch 1024 is the paper's, the reproduction of wang2025
/// uses 128, an update costing about linearly in it): learning_rate (0.001), discount (0.95), tau
/// (0.01), replay (10000), batch (1024), hidden (64), epsilon (0.1), epsilon_decay per episode
/// (0.95), epsilon_min (0.02), noise on the ratio (0.5), noise_decay (0.97), noise_min (0.02),
/// output_penalty (0.001), cost_clip (30 cost units), update_every (1), and the cost's time_scale
/// (10ms), penalty (1), energy_weight (0), energy_scale (1), drop_penalty (10).
/// </summary>
public sealed class MaddpgAgent : ILearningAgent
{
    private readonly DeviceEncoding _encoding;
    private readonly CostModel _cost;
    private readonly AgentRandom _random;
    private readonly EnsembleMlp _actors;
    private readonly IDeviceCritics _critics;
    private readonly EnsembleMlp _targetActors;
    private readonly IDeviceCritics _targetCritics;
    private readonly Adam _actorOptimizer;
    private readonly Adam _criticOptimizer;
    private readonly ReplayBuffer _replay;
    private readonly OpenTransitions<JointTransition> _open;
    private readonly double _discount;
    private readonly double _tau;
    private readonly int _batch;
    private readonly double _epsilonDecay;
    private readonly double _epsilonMin;
    private readonly double _noiseDecay;
    private readonly double _noiseMin;
    private readonly int _updateEvery;
    private readonly double _outputPenalty;
    // Every torch Scalar is made once and disposed with the agent: TorchSharp's implicit ones
    // (the alpha of a + b) are left to the finaliser, which can free one while torch reads it.
    private readonly Scalar _one = 1.0.ToScalar();
    private readonly Scalar _minusOne = (-1.0).ToScalar();
    private readonly Scalar _two = 2.0.ToScalar();
    private readonly Scalar _zero = 0.0.ToScalar();
    private readonly LossTally _losses = new();
    private double _epsilon;
    private double _noise;
    private long _stored;

    /// <summary>An agent for a world of <paramref name="shape"/>.</summary>
    public MaddpgAgent(PolicyContext context, WorldShape shape, MaddpgVariant variant)
    {
        Name = variant switch
        {
            MaddpgVariant.ModelAware => "maddpg-mato",
            MaddpgVariant.NoModel => "maddpg-nomodel",
            _ => "ddpg",
        };
        var options = new OptionReader(Name, context.Options);
        var lr = options.Number("learning_rate", 0.001, 1e-7, 1);
        _discount = options.Number("discount", 0.95, 0, 1);
        _tau = options.Number("tau", 0.01, 0, 1);
        var capacity = options.Integer("replay", 10_000, 1, 10_000_000);
        _batch = options.Integer("batch", 1024, 1, 1_000_000);
        var hidden = options.Integer("hidden", 64, 4, 4096);
        _epsilon = options.Number("epsilon", 0.1, 0, 1);
        _epsilonDecay = options.Number("epsilon_decay", 0.95, 0, 1);
        _epsilonMin = options.Number("epsilon_min", 0.02, 0, 1);
        _noise = options.Number("noise", 0.5, 0, 10);
        _noiseDecay = options.Number("noise_decay", 0.97, 0, 1);
        _noiseMin = options.Number("noise_min", 0.02, 0, 10);
        _updateEvery = options.Integer("update_every", 1, 1, 1_000_000);
        _outputPenalty = options.Number("output_penalty", 0.001, 0, 1e6);
        _cost = CostModel.Read(options, clip: 30);
        options.Check();
        Hyperparameters = $"learning_rate={lr} discount={_discount} tau={_tau} replay={capacity} batch={_batch} hidden={hidden} epsilon={_epsilon} epsilon_decay={_epsilonDecay} epsilon_min={_epsilonMin} noise={_noise} noise_decay={_noiseDecay} noise_min={_noiseMin} update_every={_updateEvery} output_penalty={_outputPenalty} {_cost}";

        _encoding = new DeviceEncoding(shape, variant != MaddpgVariant.NoModel, _cost.TimeScale);
        var n = shape.Ues;
        var o = _encoding.Size;
        var d = _encoding.ActionSize;
        var seed = (ulong)context.Random.NextInt64();
        _random = new AgentRandom(seed);
        _open = new OpenTransitions<JointTransition>(Ready, Store);
        lock (TorchRandom.Gate)
        {
            torch.manual_seed((long)(seed >> 1));
            _actors = new EnsembleMlp("actors", n, [o, hidden, hidden, d]);
            _critics = Critics("critics", variant, n, o, d, hidden);
            _targetActors = new EnsembleMlp("target_actors", n, [o, hidden, hidden, d]);
            _targetCritics = Critics("target_critics", variant, n, o, d, hidden);
        }

        TensorIo.SoftUpdate(_targetActors, _actors, 1);
        TensorIo.SoftUpdate(_targetCritics.Module, _critics.Module, 1);
        _actorOptimizer = new Adam(_actors, lr);
        _criticOptimizer = new Adam(_critics.Module, lr);
        _replay = new ReplayBuffer(capacity, n * o, n * d, n);
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public string Encoding => _encoding.Describe();

    /// <inheritdoc />
    public string Hyperparameters { get; }

    /// <inheritdoc />
    public long Updates => _criticOptimizer.Steps;

    /// <summary>Device <paramref name="ue"/>'s encoded observation at this epoch (for tests and inspection).</summary>
    public float[] Observe(Observation observation, IReadOnlyList<TaskView> batch, int ue)
    {
        var row = new float[_encoding.Size];
        _encoding.Encode(observation, ue, FirstTask(batch, ue), row);
        return row;
    }

    /// <inheritdoc />
    public double Reward(IReadOnlyList<TaskResult> tasks)
    {
        var sum = 0.0;
        foreach (var t in tasks)
        {
            sum -= _cost.Cost(t);
        }

        return sum;
    }

    /// <inheritdoc />
    public IReadOnlyList<Assignment> Decide(Observation observation, IReadOnlyList<TaskView> batch) => Choose(observation, batch, explore: false, out _, out _);

    /// <inheritdoc />
    public IReadOnlyList<Assignment> Act(Observation observation, IReadOnlyList<TaskView> batch, int epoch)
    {
        var result = Choose(observation, batch, explore: true, out var obs, out var act);
        _open.Open(epoch, new JointTransition(obs, act));
        return result;
    }

    /// <inheritdoc />
    public void Observe(StepResult step)
    {
        foreach (var settled in step.Settled)
        {
            if (_open.Get(settled.Epoch) is { } t)
            {
                var rewards = new float[_encoding.Shape.Ues];
                foreach (var task in settled.Tasks)
                {
                    rewards[task.Ue] -= (float)_cost.LearningCost(task);
                }

                t.Rewards = rewards;
            }
        }

        _open.Advance(step.Done);
    }

    /// <inheritdoc />
    public (double Actor, double Critic) TakeLosses() => _losses.Take();

    /// <inheritdoc />
    public void EndEpisode()
    {
        _open.Clear();
        _epsilon = Math.Max(_epsilonMin, _epsilon * _epsilonDecay);
        _noise = Math.Max(_noiseMin, _noise * _noiseDecay);
    }

    /// <inheritdoc />
    public void Save(BinaryWriter writer)
    {
        foreach (var module in Modules())
        {
            TensorIo.WriteModule(writer, module);
        }

        _actorOptimizer.Save(writer);
        _criticOptimizer.Save(writer);
        writer.Write(_epsilon);
        writer.Write(_noise);
        writer.Write(_stored);
        _random.Save(writer);
        _replay.Save(writer);
    }

    /// <inheritdoc />
    public void Load(BinaryReader reader)
    {
        foreach (var module in Modules())
        {
            TensorIo.ReadModule(reader, module);
        }

        _actorOptimizer.Load(reader);
        _criticOptimizer.Load(reader);
        _epsilon = reader.ReadDouble();
        _noise = reader.ReadDouble();
        _stored = reader.ReadInt64();
        _random.Load(reader);
        _replay.Load(reader);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _actorOptimizer.Dispose();
        _criticOptimizer.Dispose();
        foreach (var module in Modules())
        {
            module.Dispose();
        }

        _one.Dispose();
        _minusOne.Dispose();
        _two.Dispose();
        _zero.Dispose();
    }

    private nn.Module[] Modules() => [_actors, _critics.Module, _targetActors, _targetCritics.Module];

    private static IDeviceCritics Critics(string name, MaddpgVariant variant, int devices, int observation, int action, int hidden) =>
        variant == MaddpgVariant.Independent
            ? new OwnCritics(name, devices, observation, action, hidden)
            : new JointCritics(name, devices, observation, action, hidden);

    private static TaskView? FirstTask(IReadOnlyList<TaskView> batch, int ue)
    {
        foreach (var t in batch)
        {
            if (t.Ue == ue)
            {
                return t;
            }
        }

        return null;
    }

    private Assignment[] Choose(Observation o, IReadOnlyList<TaskView> batch, bool explore, out float[] observation, out float[] action)
    {
        var n = _encoding.Shape.Ues;
        var size = _encoding.Size;
        var d = _encoding.ActionSize;
        observation = new float[n * size];
        action = new float[n * d];
        var output = new float[n * d];
        for (var m = 0; m < n; m++)
        {
            _encoding.Encode(o, m, FirstTask(batch, m), observation.AsSpan(m * size, size));
        }

        using (var scope = NewDisposeScope())
        using (var noGrad = no_grad())
        {
            var x = tensor(observation, [n, 1, size]);
            _actors.forward(x).data<float>().CopyTo(output);
        }

        var decisions = new DeviceDecision?[n];
        foreach (var task in batch)
        {
            var m = task.Ue;
            if (decisions[m] is not null)
            {
                continue;
            }

            var decision = _encoding.Greedy(output.AsSpan(m * d, d));
            if (explore)
            {
                decision = Explore(decision, output[(m * d) + _encoding.Targets]);
            }

            decisions[m] = decision;
            _encoding.WriteAction(decision, action.AsSpan(m * d, d));
        }

        var result = new Assignment[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            result[i] = _encoding.Decode(batch[i], decisions[batch[i].Ue]!.Value);
        }

        return result;
    }

    /// <summary>The exploring decision: a uniform target and a coin for download with probability epsilon; Gaussian noise on the ratio.</summary>
    private DeviceDecision Explore(DeviceDecision greedy, float ratioOutput)
    {
        var target = greedy.Target;
        var download = greedy.Download;
        if (_random.NextDouble() < _epsilon)
        {
            target = _random.Next(_encoding.Targets);
            download = _random.NextDouble() < 0.5;
        }

        var ratio = _encoding.Shape.Partial
            ? Math.Clamp(_encoding.Ratio(ratioOutput) + (_noise * _random.NextGaussian()), 0, 1)
            : 1.0;
        return new DeviceDecision(target, ratio, download);
    }

    /// <summary>An epoch can be stored once its rewards are in and its next observation (or the episode's end).</summary>
    private static bool Ready(JointTransition t) => t.Rewards is not null && (t.Terminal || t.Next is not null);

    private void Store(JointTransition t)
    {
        _replay.Add(t.State, t.Action, t.Rewards!, t.Next ?? new float[t.State.Length], t.Terminal);
        _stored++;
        if (_replay.Count >= Math.Min(_batch, _replay.Capacity) && _stored % _updateEvery == 0)
        {
            Learn();
        }
    }

    private void Learn()
    {
        var n = _encoding.Shape.Ues;
        var o = _encoding.Size;
        var d = _encoding.ActionSize;
        var width = _replay.Width;
        var b = Math.Min(_batch, _replay.Capacity);
        var rows = new float[b * width];
        _replay.Sample(_random, b, rows);
        var keep = new float[b];
        for (var i = 0; i < b; i++)
        {
            keep[i] = (float)(_discount * (1 - rows[((i + 1) * width) - 1]));
        }

        var active = Active(rows, b, 0);
        var nextActive = Active(rows, b, (n * o) + (n * d) + n);
        using var scope = NewDisposeScope();
        using var agents = ((double)n).ToScalar();
        var all = tensor(rows, [b, width]);
        var obs = all.narrow(1, 0, n * o).reshape(b, n, o);
        var act = all.narrow(1, n * o, n * d).reshape(b, n, d);
        var rew = all.narrow(1, (n * o) + (n * d), n).t().unsqueeze(2);
        var next = all.narrow(1, (n * o) + (n * d) + n, n * o).reshape(b, n, o);
        var blocks = cat([obs, act], 2);
        var perAgent = obs.permute(1, 0, 2);
        Tensor y;
        using (var noGrad = no_grad())
        {
            var nextPerAgent = next.permute(1, 0, 2);
            var nextAct = HardAction(_targetActors.forward(nextPerAgent), nextPerAgent.narrow(2, 0, 1));
            var q = _targetCritics.Values(cat([next, nextAct.permute(1, 0, 2)], 2), nextActive);
            y = rew.add(tensor(keep, [1, b, 1]).mul(q), _one);
        }

        var criticLoss = nn.functional.mse_loss(_critics.Values(blocks, active), y).mul(agents);
        _criticOptimizer.ZeroGrad();
        criticLoss.backward();
        _criticOptimizer.Step();

        // Each actor learns at the rows where its device had a task (padded to the longest list;
        // the padding weighs nothing): it ascends its critic's expected value over its discrete
        // choices (see the class comment). The critics are frozen: the gradient reaches the actors only.
        var longest = Math.Max(1, active.Max(a => a.Length));
        var own = new long[n * longest];
        var mask = new float[n * longest];
        for (var m = 0; m < n; m++)
        {
            for (var e = 0; e < active[m].Length; e++)
            {
                own[(m * longest) + e] = active[m][e];
                mask[(m * longest) + e] = 1f / active[m].Length;
            }
        }

        var rowsOf = tensor(own, [n, longest]);
        var ownObs = perAgent.gather(1, rowsOf.unsqueeze(2).expand(-1, -1, o));
        var ownOutput = _actors.forward(ownObs);
        var (candidates, weights) = Candidates(ownOutput, ownObs.narrow(2, 0, 1));
        Freeze(_critics.Module, true);
        var values = _critics.ValuesWithOwn(blocks, active, rowsOf, cat(candidates, 1));
        var expected = cat(weights, 1).mul(values).reshape(n, weights.Count, longest).sum(1);
        var actorLoss = expected.mul(tensor(mask, [n, longest])).sum().neg();
        if (_outputPenalty > 0)
        {
            using var weight = _outputPenalty.ToScalar();
            // The square as a product: square() is pow(2) through an implicit Scalar (see Gradients.ClipNorm).
            actorLoss = actorLoss.add(ownOutput.mul(ownOutput).mean([2]).mul(tensor(mask, [n, longest])).sum(), weight);
        }

        _actorOptimizer.ZeroGrad();
        actorLoss.backward();
        _actorOptimizer.Step();
        Freeze(_critics.Module, false);
        _losses.Add(actorLoss.item<float>() / n, criticLoss.item<float>() / n);

        TensorIo.SoftUpdate(_targetActors, _actors, _tau);
        TensorIo.SoftUpdate(_targetCritics.Module, _critics.Module, _tau);
    }

    private static void Freeze(nn.Module module, bool frozen)
    {
        foreach (var p in module.parameters())
        {
            p.requires_grad = !frozen;
        }
    }

    /// <summary>Per device, the rows of <paramref name="rows"/> whose joint observation at <paramref name="offset"/> gives the device a task.</summary>
    private long[][] Active(float[] rows, int count, int offset)
    {
        var n = _encoding.Shape.Ues;
        var o = _encoding.Size;
        var width = _replay.Width;
        var lists = Enumerable.Range(0, n).Select(_ => new List<long>(count)).ToArray();
        for (var i = 0; i < count; i++)
        {
            for (var m = 0; m < n; m++)
            {
                if (rows[(i * width) + offset + (m * o)] != 0)
                {
                    lists[m].Add(i);
                }
            }
        }

        return lists.Select(l => l.ToArray()).ToArray();
    }

    /// <summary>Actions [N, batch, d] as the critics see them for actor outputs <paramref name="output"/> (greedy), zero where <paramref name="has"/> (the task flag) is 0.</summary>
    private Tensor HardAction(Tensor output, Tensor has)
    {
        var targets = _encoding.Targets;
        var oneHot = nn.functional.one_hot(output.narrow(2, 0, targets).argmax(2), targets).to_type(ScalarType.Float32);
        var parts = new List<Tensor> { oneHot, Ratio(output).mul(oneHot.narrow(2, 1, targets - 1).sum(2, keepdim: true)) };
        if (_encoding.ModelAware)
        {
            var sign = output.narrow(2, targets + 1, 1).gt(_zero).to_type(ScalarType.Float32).mul(_two).add_(_one, _minusOne);
            parts.Add(sign.mul(oneHot.narrow(2, 1, _encoding.Shape.Edges).sum(2, keepdim: true)));
        }

        return cat(parts, 2).mul(has);
    }

    /// <summary>
    /// Every discrete choice of every device as the critics see it, with the actors' ratio, and the
    /// probability the actors give it: target i with probability softmax(logits)_i; at an edge,
    /// download (+1) with probability sigmoid(x) or not (-1) with the rest. Zero where
    /// <paramref name="has"/> is 0.
    /// </summary>
    private (List<Tensor> Actions, List<Tensor> Weights) Candidates(Tensor output, Tensor has)
    {
        var targets = _encoding.Targets;
        var edges = _encoding.Shape.Edges;
        var shape = new long[] { output.shape[0], output.shape[1], 1 };
        var policy = output.narrow(2, 0, targets).softmax(2);
        var ratio = Ratio(output);
        var download = _encoding.ModelAware ? output.narrow(2, targets + 1, 1).sigmoid() : null;
        var identity = eye(targets);
        var actions = new List<Tensor>();
        var weights = new List<Tensor>();
        for (var i = 0; i < targets; i++)
        {
            var oneHot = identity.narrow(0, i, 1).reshape(1, 1, targets).expand(shape[0], shape[1], targets);
            var parts = new List<Tensor> { oneHot, i == 0 ? zeros(shape) : ratio };
            var probability = policy.narrow(2, i, 1);
            if (download is null)
            {
                actions.Add(cat(parts, 2).mul(has));
                weights.Add(probability);
            }
            else if (i == 0 || i > edges)
            {
                actions.Add(cat([.. parts, zeros(shape)], 2).mul(has));
                weights.Add(probability);
            }
            else
            {
                actions.Add(cat([.. parts, ones(shape)], 2).mul(has));
                weights.Add(probability.mul(download));
                actions.Add(cat([.. parts, ones(shape).neg()], 2).mul(has));
                weights.Add(probability.mul(download.neg().add_(_one, _one)));
            }
        }

        return (actions, weights);
    }

    /// <summary>The offload ratio [N, batch, 1] of actor outputs: sigmoid of the ratio output with partial offloading, else 1.</summary>
    private Tensor Ratio(Tensor output) =>
        _encoding.Shape.Partial ? output.narrow(2, _encoding.Targets, 1).sigmoid() : ones(output.shape[0], output.shape[1], 1);
}
