using NetSim.Learning.Networks;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace NetSim.Learning.Agents;

/// <summary>SADDPG's critics: Q_m(o_m, a_m) for every device m, each seeing only its own device's observation and action (shared: one network for every device).</summary>
internal sealed class OwnCritics : Module, IDeviceCritics
{
    private readonly EnsembleMlp _networks;
    private readonly int _observation;

    /// <summary>Critics for <paramref name="devices"/> devices with observations of <paramref name="observation"/> and actions of <paramref name="action"/> numbers, one network for all when <paramref name="shared"/>.</summary>
    public OwnCritics(string name, int devices, int observation, int action, int hidden, bool shared)
        : base(name)
    {
        _observation = observation;
        _networks = new EnsembleMlp($"{name}.networks", devices, [observation + action, hidden, hidden, 1], shared);
        RegisterComponents();
    }

    /// <inheritdoc />
    public Module Module => this;

    /// <inheritdoc />
    public Tensor Values(Tensor blocks, IReadOnlyList<long[]> active) => _networks.forward(blocks.permute(1, 0, 2));

    /// <inheritdoc />
    public Tensor ValuesWithOwn(Tensor blocks, IReadOnlyList<long[]> active, Tensor rows, Tensor own)
    {
        var observations = blocks.narrow(2, 0, _observation).permute(1, 0, 2).gather(1, rows.unsqueeze(2).expand(-1, -1, _observation));
        return _networks.forward(cat([observations.repeat(1, own.shape[1] / rows.shape[1], 1), own], 2));
    }
}
