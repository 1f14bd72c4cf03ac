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
/// offloading target (the device or an edge server, or the cloud where the world lets it compute)
/// and the offload ratio; an edge server without the task's model downloads it (eq. 7 to 12), so
/// the download indicator beta of eq. (17) is implied by the target, and no action drops a task.
/// Every device acts at every decision epoch, the paper's step t: a device with a task by its actor,
/// a device without one with the null action (all zeros), so each transition in the replay memory
/// is the joint action of all devices, and a slotted scheduler (<c>scheduler.epoch: slot</c>)
/// gives epochs in which several devices decide together. Updates sample the replay memory:
/// y = r_m + gamma Q'_m(s', v'_1(o'_1), ..., v'_N(o'_N)); the critic minimises (y - Q_m)^2, the
/// actor ascends Q_m with its own action replaced by v_m(o_m); target networks follow by soft
/// update tau. Device m's reward is minus the total cost of its tasks in the epoch
/// (<see cref="CostModel"/>; 0 without a task). Encodings: <see cref="DeviceEncoding"/>.
/// <para>
/// Departures from the paper (which does not say how its actor outputs a discrete target), each
/// standard practice for DDPG with discrete parts in its action, and why:
/// <list type="bullet">
/// <item>Discrete target: the actor gives a logit per target; the critics see the target as a
/// one-hot. The actor ascends its critic's value averaged over the targets, sum_c pi_m(c | o_m)
/// Q_m(s, a with device m's target c and its ratio), pi the softmax of the target logits: the exact
/// gradient over the few choices for the logits (expected policy gradient, Ciosek and Whiteson
/// 2018; as discrete soft actor-critic, Christodoulou 2019), and for the continuous ratio the
/// deterministic policy gradient of eq. (21) averaged over them. The greedy decision is the argmax.
/// Measured on the cloud-computing variant of wang2025: the argmax of continuous scores under
/// Gaussian noise (the first version) drove the ratio to 0 (an all-local policy); a straight-through
/// Gumbel-softmax (Lowe et al. 2017) left actors on local where their own critic valued the cloud
/// higher.</item>
/// <item>Exploration: with probability <c>epsilon</c> (times <c>epsilon_decay</c> each episode,
/// at least <c>epsilon_min</c>) a device's target is drawn uniformly, otherwise the actor's;
/// Gaussian noise of deviation <c>noise</c> (decaying likewise) on the ratio. Gaussian noise on
/// every score offloaded most tasks to random servers, and random offloading collapses the shared
/// uplink (mean latency over 400 s on the cloud-computing variant).</item>
/// <item>Output penalty: the actor's loss adds <c>output_penalty</c> times the mean square of its
/// outputs (logits and ratio before their squashing), as Lowe et al.'s MADDPG code does (weight
/// 0.001), so that neither a softmax nor the ratio's sigmoid saturates: a saturated output has
/// almost no gradient, and without the penalty some devices kept a ratio near 0 or a target their
/// critic no longer preferred (80 episodes: with 5 devices one device ran every task locally, 4.2 s
/// mean latency against 1.7 s with the penalty).</item>
/// <item>Gradient clipping: each update's gradient, actors' and critics' apart, is scaled to a
/// global L2 norm of at most <c>grad_clip</c> (0.5, as Lowe et al.'s MADDPG code).</item>
/// <item>Bounded reward: the cost of a task fed to the critics is capped at <c>cost_clip</c>
/// (<see cref="CostModel.LearningCost"/>), so the hundreds of seconds of an early collapse do not
/// swamp the differences of a few seconds that the policy must learn.</item>
/// <item>Each actor learns only from the sampled epochs in which its device had a task: the null
/// action is not the actor's to choose.</item>
/// <item>Parameter sharing (<c>share: 1</c>): one actor for all devices and one critic for all
/// (<see cref="SharedJointCritics"/>, which tells a device's own block from the others'); a
/// device's identity reaches the shared networks only through its observation.</item>
/// <item>One update of every actor and critic each <c>update_every</c> epochs (default every
/// epoch). The networks of all devices are evaluated as one batched ensemble
/// (<see cref="EnsembleMlp"/>, <see cref="JointCritics"/>): each device keeps its own weights and
/// optimiser state, and the result is that of separate networks.</item>
/// </list>
/// </para>
/// Options and their defaults: <see cref="MaddpgOptions"/>.
/// </summary>
public sealed class MaddpgAgent : ILearningAgent
{
    private readonly MaddpgOptions _options;
    private readonly DeviceEncoding _encoding;
    private readonly AgentRandom _random;
    private readonly EnsembleMlp _actors;
    private readonly IDeviceCritics _critics;
    private readonly EnsembleMlp _targetActors;
    private readonly IDeviceCritics _targetCritics;
    private readonly Adam _actorOptimizer;
    private readonly Adam _criticOptimizer;
    private readonly ReplayBuffer _replay;
    private readonly DeviceActions _actions;
    private readonly OpenTransitions<JointTransition> _open;
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
        _options = MaddpgOptions.Read(Name, context.Options);
        _epsilon = _options.Epsilon;
        _noise = _options.Noise;
        var hidden = _options.Hidden;
        _encoding = new DeviceEncoding(shape, variant != MaddpgVariant.NoModel, _options.Cost.TimeScale);
        _actions = new DeviceActions(_encoding);
        var n = shape.Ues;
        var o = _encoding.Size;
        var d = _encoding.ActionSize;
        var seed = (ulong)context.Random.NextInt64();
        _random = new AgentRandom(seed);
        _open = new OpenTransitions<JointTransition>(Ready, Store);
        lock (TorchRandom.Gate)
        {
            torch.manual_seed((long)(seed >> 1));
            _actors = new EnsembleMlp("actors", n, [o, hidden, hidden, d], _options.Share);
            _critics = Critics("critics", variant, n, o, d, hidden, _options.Share);
            _targetActors = new EnsembleMlp("target_actors", n, [o, hidden, hidden, d], _options.Share);
            _targetCritics = Critics("target_critics", variant, n, o, d, hidden, _options.Share);
        }

        TensorIo.SoftUpdate(_targetActors, _actors, 1);
        TensorIo.SoftUpdate(_targetCritics.Module, _critics.Module, 1);
        _actorOptimizer = new Adam(_actors, _options.LearningRate);
        _criticOptimizer = new Adam(_critics.Module, _options.LearningRate);
        _replay = new ReplayBuffer(_options.Replay, n * o, n * d, n);
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public string Encoding => _encoding.Describe() + (_options.Share ? " networks shared by all devices" : string.Empty);

    /// <inheritdoc />
    public ValidationPlan Validation => _options.Validation;

    /// <inheritdoc />
    public string Hyperparameters => _options.ToString();

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
            sum -= _options.Cost.Cost(t);
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
                    rewards[task.Ue] -= (float)_options.Cost.LearningCost(task);
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
        _epsilon = Math.Max(_options.EpsilonMin, _epsilon * _options.EpsilonDecay);
        _noise = Math.Max(_options.NoiseMin, _noise * _options.NoiseDecay);
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
    }

    private nn.Module[] Modules() => [_actors, _critics.Module, _targetActors, _targetCritics.Module];

    private static IDeviceCritics Critics(string name, MaddpgVariant variant, int devices, int observation, int action, int hidden, bool share) =>
        variant == MaddpgVariant.Independent ? new OwnCritics(name, devices, observation, action, hidden, share)
            : share ? new SharedJointCritics(name, devices, observation, action, hidden)
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
                decision = Explore(decision.Target, output[(m * d) + _encoding.Targets]);
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

    /// <summary>The exploring decision: a uniform target with probability epsilon, else <paramref name="greedy"/>; Gaussian noise on the ratio.</summary>
    private DeviceDecision Explore(int greedy, float ratioOutput)
    {
        var target = _random.NextDouble() < _epsilon ? _random.Next(_encoding.Targets) : greedy;
        var ratio = _encoding.Shape.Partial
            ? Math.Clamp(_encoding.Ratio(ratioOutput) + (_noise * _random.NextGaussian()), 0, 1)
            : 1.0;
        return new DeviceDecision(target, ratio);
    }

    /// <summary>An epoch can be stored once its rewards are in and its next observation (or the episode's end).</summary>
    private static bool Ready(JointTransition t) => t.Rewards is not null && (t.Terminal || t.Next is not null);

    private void Store(JointTransition t)
    {
        _replay.Add(t.State, t.Action, t.Rewards!, t.Next ?? new float[t.State.Length], t.Terminal);
        _stored++;
        if (_replay.Count >= Math.Min(_options.Batch, _replay.Capacity) && _stored % _options.UpdateEvery == 0)
        {
            Learn();
        }
    }

    private void Learn()
    {
        var n = _encoding.Shape.Ues;
        var o = _encoding.Size;
        var batch = new JointBatch(_replay, _random, Math.Min(_options.Batch, _replay.Capacity), n);
        using var scope = NewDisposeScope();
        using var agents = ((double)n).ToScalar();
        var (obs, act, rew, next) = batch.Tensors();
        var blocks = cat([obs, act], 2);
        Tensor y;
        using (var noGrad = no_grad())
        {
            var nextPerAgent = next.permute(1, 0, 2);
            var nextAct = _actions.Greedy(_targetActors.forward(nextPerAgent), nextPerAgent.narrow(2, 0, 1));
            var q = _targetCritics.Values(cat([next, nextAct.permute(1, 0, 2)], 2), batch.NextActive);
            y = rew.add(batch.Continuation(_options.Discount).mul(q), Scalars.One);
        }

        var criticLoss = nn.functional.mse_loss(_critics.Values(blocks, batch.Active), y).mul(agents);
        _criticOptimizer.ZeroGrad();
        criticLoss.backward();
        Clip(_critics.Module);
        _criticOptimizer.Step();

        // Each actor learns at the rows where its device had a task (padded to the longest list;
        // the padding weighs nothing): it ascends its critic's expected value over its discrete
        // choices (see the class comment). The critics are frozen: the gradient reaches the actors only.
        var (own, mask, longest) = batch.ActiveByDevice();
        var rowsOf = tensor(own, [n, longest]);
        var rowWeights = tensor(mask, [n, longest]);
        var ownObs = obs.permute(1, 0, 2).gather(1, rowsOf.unsqueeze(2).expand(-1, -1, o));
        var ownOutput = _actors.forward(ownObs);
        var (candidates, weights) = _actions.Candidates(ownOutput, ownObs.narrow(2, 0, 1));
        Freeze(_critics.Module, true);
        var values = _critics.ValuesWithOwn(blocks, batch.Active, rowsOf, cat(candidates, 1));
        var expected = cat(weights, 1).mul(values).reshape(n, weights.Count, longest).sum(1);
        var actorLoss = expected.mul(rowWeights).sum().neg();
        if (_options.OutputPenalty > 0)
        {
            using var weight = _options.OutputPenalty.ToScalar();
            // A product, not square() (see Scalars).
            actorLoss = actorLoss.add(ownOutput.mul(ownOutput).mean([2]).mul(rowWeights).sum(), weight);
        }

        _actorOptimizer.ZeroGrad();
        actorLoss.backward();
        Clip(_actors);
        _actorOptimizer.Step();
        Freeze(_critics.Module, false);
        _losses.Add(actorLoss.item<float>() / n, criticLoss.item<float>() / n);

        TensorIo.SoftUpdate(_targetActors, _actors, _options.Tau);
        TensorIo.SoftUpdate(_targetCritics.Module, _critics.Module, _options.Tau);
    }

    private void Clip(nn.Module module)
    {
        if (_options.GradClip > 0)
        {
            Gradients.ClipNorm(module, _options.GradClip);
        }
    }

    private static void Freeze(nn.Module module, bool frozen)
    {
        foreach (var p in module.parameters())
        {
            p.requires_grad = !frozen;
        }
    }
}
