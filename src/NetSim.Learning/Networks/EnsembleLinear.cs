using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace NetSim.Learning.Networks;

/// <summary>
/// N independent linear layers evaluated at once: member i maps its input x_i (a batch of rows) to
/// x_i W_i + b_i, with W of shape [N, in, out] and b of shape [N, 1, out], by one batched matrix
/// product. Initialised as torch's <c>Linear</c>: weights and biases uniform in ±1/sqrt(in), drawn
/// from torch's generator (hold <see cref="TorchRandom.Gate"/> while constructing). Shared, the N
/// members are one layer (W of shape [1, in, out]) applied to each member's input: parameter
/// sharing across agents, whose gradient sums every member's.
/// </summary>
public sealed class EnsembleLinear : Module<Tensor, Tensor>
{
    private readonly Parameter weight;
    private readonly Parameter bias;

    /// <summary><paramref name="members"/> layers of <paramref name="inputs"/> to <paramref name="outputs"/>, or one layer for them all when <paramref name="shared"/>.</summary>
    public EnsembleLinear(string name, int members, int inputs, int outputs, bool shared = false)
        : base(name)
    {
        var bound = 1 / Math.Sqrt(inputs);
        var stored = shared ? 1 : members;
        using (no_grad())
        {
            weight = new Parameter(empty(stored, inputs, outputs).uniform_(-bound, bound));
            bias = new Parameter(empty(stored, 1, outputs).uniform_(-bound, bound));
        }

        Shared = shared;
        RegisterComponents();
    }

    /// <summary>Whether every member is the same layer.</summary>
    public bool Shared { get; }

    /// <summary>Maps <paramref name="input"/> of shape [N, batch, in] to [N, batch, out].</summary>
    public override Tensor forward(Tensor input) => (Shared ? input.matmul(weight) : input.bmm(weight)).add_(bias, Scalars.One);
}
