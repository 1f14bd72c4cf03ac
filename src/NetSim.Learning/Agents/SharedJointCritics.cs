using NetSim.Learning.Networks;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace NetSim.Learning.Agents;

/// <summary>
/// MADDPG's centralised critics with their parameters shared across devices: one network gives
/// every device's Q_m(o_1, ..., o_N, a_1, ..., a_N). A shared network must still tell device m's
/// block from the others', so its first layer weighs the own block x_m by W_own and every other
/// block by one W_other: h_m = x_m W_own + sum_{j != m} x_j W_other + b, then ReLU and the rest of
/// the network (the same for all m). The sum makes the critic indifferent to the order of the
/// other devices, as a critic shared by exchangeable agents should be; a device's own position
/// reaches it through its observation (upload times). Blocks are (observation, action), all zeros
/// for a device without a task.
/// </summary>
internal sealed class SharedJointCritics : Module, IDeviceCritics
{
    private readonly Parameter _own;
    private readonly Parameter _others;
    private readonly Parameter _bias;
    private readonly EnsembleMlp _rest;
    private readonly int _observation;
    private readonly int _action;

    /// <summary>Critics for <paramref name="devices"/> devices with observations of <paramref name="observation"/> and actions of <paramref name="action"/> numbers.</summary>
    public SharedJointCritics(string name, int devices, int observation, int action, int hidden)
        : base(name)
    {
        _observation = observation;
        _action = action;
        var block = observation + action;
        // Initialised as torch's Linear over the N blocks of the unshared critics' first layer.
        var bound = 1 / Math.Sqrt(devices * block);
        using (no_grad())
        {
            _own = new Parameter(empty(block, hidden).uniform_(-bound, bound));
            _others = new Parameter(empty(block, hidden).uniform_(-bound, bound));
            _bias = new Parameter(empty(1, 1, hidden).uniform_(-bound, bound));
        }

        _rest = new EnsembleMlp($"{name}.rest", devices, [hidden, hidden, 1], shared: true);
        RegisterComponents();
    }

    /// <inheritdoc />
    public Module Module => this;

    /// <inheritdoc />
    public Tensor Values(Tensor blocks, IReadOnlyList<long[]> active) => _rest.forward(functional.relu(First(blocks)));

    /// <inheritdoc />
    public Tensor ValuesWithOwn(Tensor blocks, IReadOnlyList<long[]> active, Tensor rows, Tensor own)
    {
        // The first layer is linear in device m's action: replacing it adds (own - stored) times
        // (W_own - W_other) restricted to the action's inputs.
        Tensor stored;
        using (no_grad())
        {
            stored = First(blocks).gather(1, rows.unsqueeze(2).expand(-1, -1, _own.shape[1]));
        }

        var candidates = own.shape[1] / rows.shape[1];
        var storedOwn = blocks.narrow(2, _observation, _action).permute(1, 0, 2).gather(1, rows.unsqueeze(2).expand(-1, -1, _action));
        var weights = _own.narrow(0, _observation, _action).add(_others.narrow(0, _observation, _action), Scalars.MinusOne);
        var change = own.add(storedOwn.repeat(1, candidates, 1), Scalars.MinusOne).matmul(weights);
        return _rest.forward(functional.relu(stored.repeat(1, candidates, 1).add(change, Scalars.One)));
    }

    /// <summary>The first layer's output [N, batch, H] for <paramref name="blocks"/> [batch, N, K].</summary>
    private Tensor First(Tensor blocks)
    {
        var others = blocks.matmul(_others);
        var all = others.sum(1, keepdim: true);
        return blocks.matmul(_own).add(all, Scalars.One).add(others, Scalars.MinusOne).permute(1, 0, 2).add(_bias, Scalars.One);
    }
}
