using TorchSharp;
using static TorchSharp.torch;

namespace NetSim.Learning.Networks;

/// <summary>Gradient clipping with explicitly made (and disposed) Scalars.</summary>
public static class Gradients
{
    /// <summary>Scales <paramref name="module"/>'s gradients so that their joint L2 norm is at most <paramref name="maxNorm"/>.</summary>
    public static void ClipNorm(nn.Module module, double maxNorm)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var grads = module.parameters().Select(p => p.grad).OfType<Tensor>().ToArray();
        var total = 0.0;
        foreach (var g in grads)
        {
            // A product, not square() (see Scalars).
            total += g.mul(g).sum().item<float>();
        }

        var factor = maxNorm / (Math.Sqrt(total) + 1e-6);
        if (factor >= 1)
        {
            return;
        }

        using var scale = factor.ToScalar();
        foreach (var g in grads)
        {
            g.mul_(scale);
        }
    }
}
