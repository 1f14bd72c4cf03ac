using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace NetSim.Learning.Networks;

/// <summary>A multilayer perceptron: linear layers with ReLU between them, and an optional tanh output.</summary>
public sealed class Mlp : Module<Tensor, Tensor>
{
    private readonly TorchSharp.Modules.ModuleList<Module<Tensor, Tensor>> _layers = new();
    private readonly bool _tanh;

    /// <summary>Layers of the given sizes, inputs first, outputs last.</summary>
    public Mlp(string name, IReadOnlyList<int> sizes, bool tanhOutput = false)
        : base(name)
    {
        if (sizes.Count < 2)
        {
            throw new ArgumentException("an MLP needs at least an input and an output size", nameof(sizes));
        }

        for (var i = 0; i + 1 < sizes.Count; i++)
        {
            _layers.Add(Linear(sizes[i], sizes[i + 1]));
        }

        _tanh = tanhOutput;
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        var x = Chain(_layers, input);
        return _tanh ? x.tanh() : x;
    }

    /// <summary>Runs <paramref name="layers"/> in turn with a ReLU between consecutive layers (none after the last).</summary>
    internal static Tensor Chain(IEnumerable<Module<Tensor, Tensor>> layers, Tensor input)
    {
        Tensor? x = null;
        foreach (var layer in layers)
        {
            x = layer.forward(x is null ? input : functional.relu(x));
        }

        return x ?? input;
    }
}
