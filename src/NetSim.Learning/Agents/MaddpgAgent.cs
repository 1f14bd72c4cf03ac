using NetSim.Learning.Environment;
using NetSim.Learning.Networks;
using NetSim.Learning.Training;
using NetSim.Network.Scheduling;
using TorchSharp;
using static TorchSharp.torch;

namespace NetSim.Learning.Agents;

/// <summary>
/// The DDPG family of Wang, Li and Wang (section III-B), one agent per device: each device m has a
/// deterministic actor v_m(o_m) and a critic Q_m. For <c>maddpg-mato</c> and <c>maddpg-nomodel</c>
/// the critic is centralised, Q_m(s, a_1..a_N) over every device's observation and action; for
/// <c>ddpg</c> (SADDPG) it sees only Q_m(o_m, a_m). Updates sample the replay memory:
/// y = r_m + gamma Q'_m(s', v'_1(o'_1), ..., v'_N(o'_N)); the critic minimises (y - Q_m)^2, the
/// actor ascends Q_m with its own action replaced by v_m(o_m); target networks follow by soft
/// update tau. Exploration adds Gaussian noise to the actions. Device m's reward is minus the total
/// cost of its tasks in the epoch (<see cref="CostModel"/>; 0 without a task).
/// Encodings: <see cref="DeviceEncoding"/>. Options (section IV-A defaults): learning_rate (0.001),
/// discount (0.95), tau (0.01), replay (10000), batch (1024), hidden (64), noise (0.3),
/// noise_decay per episode (0.99), noise_min (0.05), time_scale (10ms), penalty (1),
/// energy_weight (0), energy_scale (1), drop_penalty (10).
/// </summary>
public sealed class MaddpgAgent : ILearningAgent
{
    private readonly DeviceEncoding _encoding;
    private readonly MaddpgVariant _variant;
    private readonly CostModel _cost;
    private readonly AgentRandom _random;
    private readonly Mlp[] _actors;
    private readonly Mlp[] _critics;
    private readonly Mlp[] _targetActors;
    private readonly Mlp[] _targetCritics;
    private readonly Adam[] _actorOptimizers;
    private readonly Adam[] _criticOptimizers;
    private readonly ReplayBuffer _replay;
    private readonly OpenTransitions<JointTransition> _open;
    private readonly double _discount;
    private readonly double _tau;
    private readonly int _batch;
    private readonly double _noiseDecay;
    private readonly double _noiseMin;
    // See ActorCriticAgent: the alpha of every tensor sum, made once and disposed with the agent.
    private readonly Scalar _one = 1.0.ToScalar();
    private double _noise;
    private readonly LossTally _losses = new();

    /// <summary>An agent for a world of <paramref name="shape"/>.</summary>
    public MaddpgAgent(PolicyContext context, WorldShape shape, MaddpgVariant variant)
    {
        _variant = variant;
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
        _noise = options.Number("noise", 0.3, 0, 10);
        _noiseDecay = options.Number("noise_decay", 0.99, 0, 1);
        _noiseMin = options.Number("noise_min", 0.05, 0, 10);
        _cost = CostModel.Read(options);
        options.Check();
        Hyperparameters = $"learning_rate={lr} discount={_discount} tau={_tau} replay={capacity} batch={_batch} hidden={hidden} noise={_noise} noise_decay={_noiseDecay} noise_min={_noiseMin} {_cost}";

        _encoding = new DeviceEncoding(shape, variant != MaddpgVariant.NoModel, _cost.TimeScale);
        var n = shape.Ues;
        var o = _encoding.Size;
        var d = _encoding.ActionSize;
        var criticInput = variant == MaddpgVariant.Independent ? o + d : n * (o + d);
        var seed = (ulong)context.Random.NextInt64();
        _random = new AgentRandom(seed);
        _open = new OpenTransitions<JointTransition>(Ready, Store);
        lock (TorchRandom.Gate)
        {
            torch.manual_seed((long)(seed >> 1));
            _actors = Enumerable.Range(0, n).Select(m => new Mlp($"actor{m}", [o, hidden, hidden, d], tanhOutput: true)).ToArray();
            _critics = Enumerable.Range(0, n).Select(m => new Mlp($"critic{m}", [criticInput, hidden, hidden, 1])).ToArray();
            _targetActors = Enumerable.Range(0, n).Select(m => new Mlp($"target_actor{m}", [o, hidden, hidden, d], tanhOutput: true)).ToArray();
            _targetCritics = Enumerable.Range(0, n).Select(m => new Mlp($"target_critic{m}", [criticInput, hidden, hidden, 1])).ToArray();
        }

        for (var m = 0; m < n; m++)
        {
            TensorIo.SoftUpdate(_targetActors[m], _actors[m], 1);
            TensorIo.SoftUpdate(_targetCritics[m], _critics[m], 1);
        }

        _actorOptimizers = _actors.Select(a => new Adam(a, lr)).ToArray();
        _criticOptimizers = _critics.Select(c => new Adam(c, lr)).ToArray();
        _replay = new ReplayBuffer(capacity, n * o, n * d, n);
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public string Encoding => _encoding.Describe();

    /// <inheritdoc />
    public string Hyperparameters { get; }

    /// <inheritdoc />
    public long Updates => _criticOptimizers.Length == 0 ? 0 : _criticOptimizers[0].Steps;

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
                    rewards[task.Ue] -= (float)_cost.Cost(task);
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
        _noise = Math.Max(_noiseMin, _noise * _noiseDecay);
    }

    /// <inheritdoc />
    public void Save(BinaryWriter writer)
    {
        foreach (var module in _actors.Concat(_critics).Concat(_targetActors).Concat(_targetCritics))
        {
            TensorIo.WriteModule(writer, module);
        }

        foreach (var optimizer in _actorOptimizers.Concat(_criticOptimizers))
        {
            optimizer.Save(writer);
        }

        writer.Write(_noise);
        _random.Save(writer);
        _replay.Save(writer);
    }

    /// <inheritdoc />
    public void Load(BinaryReader reader)
    {
        foreach (var module in _actors.Concat(_critics).Concat(_targetActors).Concat(_targetCritics))
        {
            TensorIo.ReadModule(reader, module);
        }

        foreach (var optimizer in _actorOptimizers.Concat(_criticOptimizers))
        {
            optimizer.Load(reader);
        }

        _noise = reader.ReadDouble();
        _random.Load(reader);
        _replay.Load(reader);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var optimizer in _actorOptimizers.Concat(_criticOptimizers))
        {
            optimizer.Dispose();
        }

        foreach (var module in _actors.Concat(_critics).Concat(_targetActors).Concat(_targetCritics))
        {
            module.Dispose();
        }

        _one.Dispose();
    }

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
        for (var m = 0; m < n; m++)
        {
            _encoding.Encode(o, m, FirstTask(batch, m), observation.AsSpan(m * size, size));
        }

        using (var scope = NewDisposeScope())
        using (var noGrad = no_grad())
        {
            for (var m = 0; m < n; m++)
            {
                var x = tensor(observation.AsSpan(m * size, size).ToArray(), [1, size]);
                _actors[m].forward(x).data<float>().CopyTo(action.AsSpan(m * d, d));
            }
        }

        if (explore)
        {
            for (var i = 0; i < action.Length; i++)
            {
                action[i] = (float)Math.Clamp(action[i] + (_noise * _random.NextGaussian()), -1, 1);
            }
        }

        var result = new Assignment[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var task = batch[i];
            result[i] = _encoding.Decode(task, action.AsSpan(task.Ue * d, d));
        }

        return result;
    }

    /// <summary>An epoch can be stored once its rewards are in and its next observation (or the episode's end).</summary>
    private static bool Ready(JointTransition t) => t.Rewards is not null && (t.Terminal || t.Next is not null);

    private void Store(JointTransition t)
    {
        _replay.Add(t.State, t.Action, t.Rewards!, t.Next ?? new float[t.State.Length], t.Terminal);
        if (_replay.Count >= Math.Min(_batch, _replay.Capacity))
        {
            Learn();
        }
    }

    private void Learn()
    {
        var n = _encoding.Shape.Ues;
        var o = _encoding.Size;
        var d = _encoding.ActionSize;
        var b = Math.Min(_batch, _replay.Capacity);
        var rows = new float[b * _replay.Width];
        _replay.Sample(_random, b, rows);
        using var scope = NewDisposeScope();
        var all = tensor(rows, [b, _replay.Width]);
        var obs = all.narrow(1, 0, n * o).reshape(b, n, o);
        var act = all.narrow(1, n * o, n * d).reshape(b, n, d);
        var rew = all.narrow(1, (n * o) + (n * d), n);
        var next = all.narrow(1, (n * o) + (n * d) + n, n * o).reshape(b, n, o);
        var keep = new float[b];
        for (var i = 0; i < b; i++)
        {
            keep[i] = (float)(_discount * (1 - rows[((i + 1) * _replay.Width) - 1]));
        }

        var discount = tensor(keep, [b, 1]);
        Tensor nextAct;
        using (var noGrad = no_grad())
        {
            nextAct = stack(Enumerable.Range(0, n).Select(m => _targetActors[m].forward(next.select(1, m))).ToArray(), 1);
        }

        for (var m = 0; m < n; m++)
        {
            Tensor y;
            using (var noGrad = no_grad())
            {
                var q = _targetCritics[m].forward(CriticInput(next, nextAct, m, b));
                y = rew.narrow(1, m, 1).add(discount.mul(q), _one);
            }

            var criticLoss = nn.functional.mse_loss(_critics[m].forward(CriticInput(obs, act, m, b)), y);
            _criticOptimizers[m].ZeroGrad();
            criticLoss.backward();
            _criticOptimizers[m].Step();

            var own = _actors[m].forward(obs.select(1, m));
            var parts = Enumerable.Range(0, n).Select(j => j == m ? own : act.select(1, j)).ToArray();
            var joint = stack(parts, 1);
            var actorLoss = _critics[m].forward(CriticInput(obs, joint, m, b)).mean().neg();
            _actorOptimizers[m].ZeroGrad();
            actorLoss.backward();
            _actorOptimizers[m].Step();
            _losses.Add(actorLoss.item<float>(), criticLoss.item<float>());
        }

        for (var m = 0; m < n; m++)
        {
            TensorIo.SoftUpdate(_targetActors[m], _actors[m], _tau);
            TensorIo.SoftUpdate(_targetCritics[m], _critics[m], _tau);
        }
    }

    private Tensor CriticInput(Tensor observations, Tensor actions, int m, int b) =>
        _variant == MaddpgVariant.Independent
            ? cat([observations.select(1, m), actions.select(1, m)], 1)
            : cat([observations.reshape(b, -1), actions.reshape(b, -1)], 1);
}
