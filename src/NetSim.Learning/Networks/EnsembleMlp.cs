using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace NetSim.Learning.Networks;

/// <summary>
/// N independent multilayer perceptrons of the same sizes (one per agent) evaluated as one batched
/// network: <see cref="EnsembleLinear"/> layers with ReLU between them and no output activation.
/// Member i sees only its own input slice and has its own weights, so it computes exactly what a
/// separate <see cref="Mlp"/> would, and an elementwise optimiser (<see cref="Adam"/>) over the
/// stacked weights updates each member as its own optimiser would; one call costs about what one
/// member's would. Shared, the members are one network applied to each member's input.
/// </summary>
public sealed class EnsembleMlp : Module<Tensor, Tensor>
{
    private readonly TorchSharp.Modules.ModuleList<EnsembleLinear> _layers = new();

    /// <summary><paramref name="members"/> networks with layers of the given sizes, inputs first, outputs last; one network for all when <paramref name="shared"/>.</summary>
    public EnsembleMlp(string name, int members, IReadOnlyList<int> sizes, bool shared = false)
        : base(name)
    {
        if (sizes.Count < 2)
        {
            throw new ArgumentException("an MLP needs at least an input and an output size", nameof(sizes));
        }

        Members = members;
        for (var i = 0; i + 1 < sizes.Count; i++)
        {
            _layers.Add(new EnsembleLinear($"{name}.{i}", members, sizes[i], sizes[i + 1], shared));
        }

        RegisterComponents();
    }

    /// <summary>Number of member networks.</summary>
    public int Members { get; }

    /// <summary>Maps <paramref name="input"/> of shape [N, batch, in] to [N, batch, out].</summary>
    public override Tensor forward(Tensor input) => Mlp.Chain(_layers, input);
}
