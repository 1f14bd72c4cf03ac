using TorchSharp;
using static TorchSharp.torch;

namespace NetSim.Learning.Networks;

/// <summary>
/// The Adam optimiser (Kingma and Ba) over a module's parameters, written out so that its moment
/// estimates and step count are plain state a checkpoint saves and restores exactly.
/// </summary>
public sealed class Adam : IDisposable
{
    private const double Beta1 = 0.9;
    private const double Beta2 = 0.999;
    private const double Epsilon = 1e-8;
    private readonly TorchSharp.Modules.Parameter[] _parameters;
    private readonly Tensor[] _m;
    private readonly Tensor[] _v;

    /// <summary>Adam with learning rate <paramref name="learningRate"/> over <paramref name="module"/>'s parameters.</summary>
    public Adam(nn.Module module, double learningRate)
    {
        LearningRate = learningRate;
        _parameters = module.parameters().ToArray();
        _m = _parameters.Select(p => zeros_like(p).DetachFromDisposeScope()).ToArray();
        _v = _parameters.Select(p => zeros_like(p).DetachFromDisposeScope()).ToArray();
    }

    /// <summary>Learning rate.</summary>
    public double LearningRate { get; }

    /// <summary>Updates taken.</summary>
    public long Steps { get; private set; }

    /// <summary>Clears the parameters' gradients.</summary>
    public void ZeroGrad()
    {
        foreach (var p in _parameters)
        {
            p.grad?.zero_();
        }
    }

    /// <summary>One update from the gradients accumulated by the last backward pass.</summary>
    public void Step()
    {
        Steps++;
        var c1 = 1 - Math.Pow(Beta1, Steps);
        var c2 = 1 - Math.Pow(Beta2, Steps);
        // Scalars are made and disposed explicitly, alphas included: TorchSharp's implicit
        // conversions (add_(x) means add_(x, 1)) leave them to the finaliser, which can free one
        // while torch still reads it.
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using var beta1 = Beta1.ToScalar();
        using var oneMinusBeta1 = (1 - Beta1).ToScalar();
        using var beta2 = Beta2.ToScalar();
        using var oneMinusBeta2 = (1 - Beta2).ToScalar();
        using var correction2 = c2.ToScalar();
        using var epsilon = Epsilon.ToScalar();
        using var one = 1.0.ToScalar();
        using var step = (-LearningRate / c1).ToScalar();
        for (var i = 0; i < _parameters.Length; i++)
        {
            var g = _parameters[i].grad;
            if (g is null)
            {
                continue;
            }

            _m[i].mul_(beta1).add_(g, alpha: oneMinusBeta1);
            _v[i].mul_(beta2).addcmul_(g, g, value: oneMinusBeta2);
            var denominator = _v[i].div(correction2).sqrt_().add_(epsilon, one);
            _parameters[i].addcdiv_(_m[i], denominator, value: step);
        }
    }

    /// <summary>Writes the step count and moment estimates.</summary>
    public void Save(BinaryWriter writer)
    {
        writer.Write(Steps);
        TensorIo.Write(writer, _m);
        TensorIo.Write(writer, _v);
    }

    /// <summary>Reads what <see cref="Save"/> wrote.</summary>
    public void Load(BinaryReader reader)
    {
        Steps = reader.ReadInt64();
        TensorIo.Read(reader, _m);
        TensorIo.Read(reader, _v);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var t in _m.Concat(_v))
        {
            t.Dispose();
        }
    }
}
