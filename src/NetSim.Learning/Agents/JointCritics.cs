using NetSim.Learning.Networks;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace NetSim.Learning.Agents;

/// <summary>
/// MADDPG's centralised critics: Q_m(o_1, ..., o_N, a_1, ..., a_N) for every device m, an MLP over
/// the joint observation and action with ReLU between layers. The first layer is a
/// <see cref="JointInputLayer"/> (the same function as a dense layer, computed only over the
/// devices with a task), the others an <see cref="EnsembleMlp"/>.
/// </summary>
internal sealed class JointCritics : Module, IDeviceCritics
{
    private readonly JointInputLayer _input;
    private readonly EnsembleMlp _rest;
    private readonly int _observation;
    private readonly int _action;

    /// <summary>Critics for <paramref name="devices"/> devices with observations of <paramref name="observation"/> and actions of <paramref name="action"/> numbers.</summary>
    public JointCritics(string name, int devices, int observation, int action, int hidden)
        : base(name)
    {
        _observation = observation;
        _action = action;
        _input = new JointInputLayer($"{name}.input", devices, devices, observation + action, hidden);
        _rest = new EnsembleMlp($"{name}.rest", devices, [hidden, hidden, 1]);
        RegisterComponents();
    }

    /// <inheritdoc />
    public Module Module => this;

    /// <inheritdoc />
    public Tensor Values(Tensor blocks, IReadOnlyList<long[]> active) => _rest.forward(functional.relu(_input.Forward(blocks, active)));

    /// <inheritdoc />
    public Tensor ValuesWithOwn(Tensor blocks, IReadOnlyList<long[]> active, Tensor rows, Tensor own)
    {
        // The first layer is linear in device m's action: replacing it adds (own - stored) times
        // the weights of that action's inputs; the stored joint input's part needs no gradient.
        Tensor stored;
        using (no_grad())
        {
            stored = _input.Forward(blocks, active).gather(1, rows.unsqueeze(2).expand(-1, -1, _input.Outputs));
        }

        var candidates = own.shape[1] / rows.shape[1];
        var storedOwn = blocks.narrow(2, _observation, _action).permute(1, 0, 2).gather(1, rows.unsqueeze(2).expand(-1, -1, _action));
        var change = own.add(storedOwn.repeat(1, candidates, 1), Scalars.MinusOne).bmm(_input.OwnWeights(_observation, _action));
        return _rest.forward(functional.relu(stored.repeat(1, candidates, 1).add(change, Scalars.One)));
    }
}
