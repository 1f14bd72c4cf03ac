using NetSim.Learning.Environment;
using NetSim.Learning.Networks;
using NetSim.Learning.Training;
using NetSim.Network.Scheduling;
using TorchSharp;
using static TorchSharp.torch;

namespace NetSim.Learning.Agents;

/// <summary>
/// <c>actor-critic</c>: Algorithm 1 of Zhou et al. A policy network pi(a | s; theta) and a
/// state-value network V(s; theta'); after each slot, delta = R + gamma V(s') - V(s), theta moves
/// along delta grad ln pi(a | s) and theta' along delta grad V(s) (here by Adam on the equivalent
/// losses -delta ln pi and delta^2, the actor's delta divided by its running root mean square, so
/// that the step does not depend on the reward's scale). The reward is minus the slot's mean cost
/// (<see cref="CostModel"/>: latency in units of time_scale, the latency bound T^u enforced by a
/// per-task penalty). Zhou et al. treat successive slots as independent, so the default discount
/// is 0 (delta = R - V(s)).
/// <para>
/// What the paper leaves open, chosen here. The policy factorises over the slot's tasks, decided in
/// order, and scores each task's candidate targets with one network shared by all candidates
/// (<see cref="SlotEncoding"/>), so ln pi(a | s) is a sum over tasks. V(s) is the mean of a value
/// network over the slot's tasks, each fitted to its own task's reward, so the slot's delta is the
/// mean of the tasks' deltas delta_u = r_u + gamma V(s') - V(s_u). Task u's choice is weighted by
/// delta_u + team_credit x (the sum of the other tasks' delta_v): at team_credit = 1 (the default)
/// every task gets the slot's delta, as in Algorithm 1 (scaled by N, which the normalisation
/// removes); at 0 each task gets only its own, less noisy but blind to what its choice does to the
/// others' latency (shared band, interference, queues). Each task's cost is capped at cost_clip
/// (20 units, <see cref="CostModel.LearningCost"/>) before it enters delta: without the cap,
/// training at N = 40 with the slot's delta stayed in a congested uplink for hundreds of episodes
/// (seen), the costs of the piled-up uploads drowning every other signal.
/// </para>
/// Options: hidden (64), actor_lr (0.001), critic_lr (0.005), discount (0), entropy (0.01),
/// team_credit (1), cost_clip (20), time_scale (10ms), penalty (1), energy_weight (0),
/// energy_scale (1), drop_penalty (10).
/// </summary>
public sealed class ActorCriticAgent : ILearningAgent
{
    /// <summary>Largest gradient norm of an update: early slots of a congested world can cost hundreds of units, and one such step must not collapse the policy.</summary>
    private const double GradientClip = 1.0;

    /// <summary>Decay of the running mean of delta squared that scales the actor's steps.</summary>
    private const double DeltaDecay = 0.99;

    private readonly Mlp _actor;
    private readonly Mlp _critic;
    private readonly Adam _actorOptimizer;
    private readonly Adam _criticOptimizer;
    private readonly SlotEncoding _encoding;
    private readonly CostModel _cost;
    private readonly AgentRandom _random;
    private readonly double _discount;
    private readonly double _entropy;
    private readonly int _hidden;
    private readonly double _teamCredit;
    private readonly OpenTransitions<SlotTransition> _open;
    private readonly LossTally _losses = new();
    private double _deltaSquare = 1;

    /// <summary>An agent for a world of <paramref name="edges"/> stations (and a cloud if <paramref name="cloud"/>).</summary>
    public ActorCriticAgent(PolicyContext context, int edges, bool cloud)
    {
        var reader = new OptionReader("actor-critic", context.Options);
        var options = ActorCriticOptions.Read(reader);
        reader.Check();
        _hidden = options.Hidden;
        _discount = options.Discount;
        _entropy = options.Entropy;
        _teamCredit = options.TeamCredit;
        _cost = options.Cost;
        _encoding = new SlotEncoding(edges, cloud, _cost.TimeScale);
        var seed = (ulong)context.Random.NextInt64();
        _random = new AgentRandom(seed);
        _open = new OpenTransitions<SlotTransition>(Ready, Learn);
        lock (TorchRandom.Gate)
        {
            torch.manual_seed((long)(seed >> 1));
            _actor = new Mlp("actor", [SlotEncoding.Width, _hidden, _hidden, 1]);
            _critic = new Mlp("critic", [_encoding.Size, _hidden, _hidden, 1]);
        }

        _actorOptimizer = new Adam(_actor, options.ActorLr);
        _criticOptimizer = new Adam(_critic, options.CriticLr);
        Hyperparameters = options.ToString();
        Validation = options.Validation;
    }

    /// <inheritdoc />
    public string Name => "actor-critic";

    /// <inheritdoc />
    public string Encoding => _encoding.Describe();

    /// <inheritdoc />
    public string Hyperparameters { get; }

    /// <inheritdoc />
    public ValidationPlan Validation { get; }

    /// <inheritdoc />
    public long Updates => _criticOptimizer.Steps;

    /// <inheritdoc />
    public double Reward(IReadOnlyList<TaskResult> tasks) => _cost.MeanReward(tasks);

    /// <inheritdoc />
    public IReadOnlyList<Assignment> Decide(Observation observation, IReadOnlyList<TaskView> batch) => Choose(observation, batch, explore: false, out _, out _);

    /// <inheritdoc />
    public IReadOnlyList<Assignment> Act(Observation observation, IReadOnlyList<TaskView> batch, int epoch)
    {
        var result = Choose(observation, batch, explore: true, out var rows, out var actions);
        _open.Open(epoch, new SlotTransition(rows, actions, batch.Select(t => t.Id).ToArray()));
        return result;
    }

    /// <inheritdoc />
    public void Observe(StepResult step)
    {
        foreach (var settled in step.Settled)
        {
            if (_open.Get(settled.Epoch) is { } t)
            {
                var rewards = new float[t.TaskIds.Length];
                foreach (var task in settled.Tasks)
                {
                    rewards[Array.IndexOf(t.TaskIds, task.TaskId)] = (float)-_cost.LearningCost(task);
                }

                t.Rewards = rewards;
            }
        }

        _open.Advance(step.Done);
    }

    /// <inheritdoc />
    public (double Actor, double Critic) TakeLosses() => _losses.Take();

    /// <inheritdoc />
    public void EndEpisode() => _open.Clear();

    /// <inheritdoc />
    public void Save(BinaryWriter writer)
    {
        TensorIo.WriteModule(writer, _actor);
        TensorIo.WriteModule(writer, _critic);
        _actorOptimizer.Save(writer);
        _criticOptimizer.Save(writer);
        writer.Write(_deltaSquare);
        _random.Save(writer);
    }

    /// <inheritdoc />
    public void Load(BinaryReader reader)
    {
        TensorIo.ReadModule(reader, _actor);
        TensorIo.ReadModule(reader, _critic);
        _actorOptimizer.Load(reader);
        _criticOptimizer.Load(reader);
        _deltaSquare = reader.ReadDouble();
        _random.Load(reader);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _actorOptimizer.Dispose();
        _criticOptimizer.Dispose();
        _actor.Dispose();
        _critic.Dispose();
    }

    private Assignment[] Choose(Observation o, IReadOnlyList<TaskView> batch, bool explore, out float[] rows, out int[] actions)
    {
        var f = _encoding.Size;
        rows = new float[batch.Count * f];
        actions = new int[batch.Count];
        var load = new EpochLoad(_encoding.Edges);
        var result = new Assignment[batch.Count];
        var probabilities = new float[_encoding.Actions];
        for (var i = 0; i < batch.Count; i++)
        {
            var task = batch[i];
            var row = rows.AsSpan(i * f, f);
            _encoding.Encode(o, task, batch.Count - 1 - i, load, row);
            using (var scope = NewDisposeScope())
            using (var noGrad = no_grad())
            {
                var p = nn.functional.softmax(Logits(tensor(row.ToArray(), [1, f])), 1);
                p.data<float>().CopyTo(probabilities);
            }

            var action = explore ? Sample(probabilities) : ArgMax(probabilities);
            actions[i] = action;
            _encoding.Plan(o, task, action, load);
            result[i] = _encoding.ToAssignment(task, action);
        }

        return result;
    }

    private int Sample(float[] p)
    {
        var u = _random.NextDouble();
        var sum = 0.0;
        for (var a = 0; a < p.Length; a++)
        {
            sum += p[a];
            if (u < sum)
            {
                return a;
            }
        }

        return p.Length - 1;
    }

    private static int ArgMax(float[] p)
    {
        var best = 0;
        for (var a = 1; a < p.Length; a++)
        {
            if (p[a] > p[best])
            {
                best = a;
            }
        }

        return best;
    }

    /// <summary>The policy's scores of the candidates of <paramref name="states"/> ([tasks, rows x width]): the scorer on every row, as [tasks, actions].</summary>
    private Tensor Logits(Tensor states)
    {
        var n = states.shape[0];
        return _actor.forward(states.reshape(n * _encoding.Actions, SlotEncoding.Width)).reshape(n, _encoding.Actions);
    }

    /// <summary>A slot can be learned from once its reward is in and, when future slots count, its next slot's rows (or the episode's end).</summary>
    private bool Ready(SlotTransition t) => t.Rewards is not null && (_discount <= 0 || t.Terminal || t.Next is not null);

    private void Learn(SlotTransition t)
    {
        var f = _encoding.Size;
        var n = t.Actions.Length;
        using var scope = NewDisposeScope();
        var x = tensor(t.State, [n, f]);
        var nextValue = 0.0;
        if (_discount > 0 && !t.Terminal && t.Next is { } next)
        {
            using var noGrad = no_grad();
            nextValue = _critic.forward(tensor(next, [next.Length / f, f])).mean().item<float>();
        }

        // Each task's value is fitted to its own target r_u + gamma V(s'); V(s) of the slot is their mean.
        var future = (float)(_discount * nextValue);
        var value = _critic.forward(x);
        var target = tensor(t.Rewards!.Select(r => r + future).ToArray(), [n, 1]);
        var criticLoss = nn.functional.mse_loss(value, target);
        _criticOptimizer.ZeroGrad();
        criticLoss.backward();
        Gradients.ClipNorm(_critic, GradientClip);
        _criticOptimizer.Step();

        // Scalars are made explicitly (see Adam). The actor's step uses delta over its running
        // root mean square, so that its size does not depend on the reward's scale (a congested
        // world's first slots can cost thousands of units) and the entropy weight keeps its meaning.
        // Task u's choice is weighted by A_u = delta_u + team_credit x (sum of the others' delta_v);
        // at team_credit = 1 every A_u is the slot's summed TD error, N times Algorithm 1's delta.
        var own = target.add(value.detach().neg(), Scalars.One);
        using var team = _teamCredit.ToScalar();
        using var keep = (1 - _teamCredit).ToScalar();
        var delta = own.mul(keep).add(own.sum(), team);
        var d = delta.mul(delta).mean().item<float>(); // a product, not square() (see Scalars)
        _deltaSquare = (DeltaDecay * _deltaSquare) + ((1 - DeltaDecay) * d);
        using var scale = (1 / Math.Sqrt(_deltaSquare + 1e-12)).ToScalar();
        delta = delta.mul(scale);
        var logp = nn.functional.log_softmax(Logits(x), 1);
        var chosen = logp.gather(1, tensor(t.Actions.Select(a => (long)a).ToArray(), [n, 1]));
        var entropy = (logp.exp() * logp).sum().neg();
        using var entropyWeight = _entropy.ToScalar();
        var actorLoss = delta.mul(chosen).sum().neg().add(entropy.neg(), entropyWeight);
        _actorOptimizer.ZeroGrad();
        actorLoss.backward();
        Gradients.ClipNorm(_actor, GradientClip);
        _actorOptimizer.Step();
        _losses.Add(actorLoss.item<float>(), criticLoss.item<float>());
    }
}
