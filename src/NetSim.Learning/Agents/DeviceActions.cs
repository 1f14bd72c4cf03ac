using NetSim.Learning.Networks;
using static TorchSharp.torch;

namespace NetSim.Learning.Agents;

/// <summary>
/// The DDPG family's actions as tensors, from the actors' outputs [N, batch, d] (logits per
/// target, the ratio output and, model-aware, the download logit; <see cref="DeviceEncoding"/>) to
/// the actions the critics see [N, batch, d] (target one-hot, ratio, download +1 or -1).
/// </summary>
internal sealed class DeviceActions(DeviceEncoding encoding)
{
    /// <summary>The greedy actions of <paramref name="output"/>: the argmax target, the ratio, the download's sign; zero where <paramref name="has"/> (the task flag) is 0.</summary>
    public Tensor Greedy(Tensor output, Tensor has)
    {
        var targets = encoding.Targets;
        var oneHot = nn.functional.one_hot(output.narrow(2, 0, targets).argmax(2), targets).to_type(ScalarType.Float32);
        var parts = new List<Tensor> { oneHot, Ratio(output).mul(oneHot.narrow(2, 1, targets - 1).sum(2, keepdim: true)) };
        if (encoding.ModelAware)
        {
            var sign = output.narrow(2, targets + 1, 1).gt(Scalars.Zero).to_type(ScalarType.Float32).mul(Scalars.Two).add_(Scalars.One, Scalars.MinusOne);
            parts.Add(sign.mul(oneHot.narrow(2, 1, encoding.Shape.Edges).sum(2, keepdim: true)));
        }

        return cat(parts, 2).mul(has);
    }

    /// <summary>
    /// Every discrete choice of every device as the critics see it, with the actors' ratio, and the
    /// probability the actors give it: target i with probability softmax(logits)_i; at an edge,
    /// download (+1) with probability sigmoid(x) or not (-1) with the rest. Zero where
    /// <paramref name="has"/> is 0.
    /// </summary>
    public (List<Tensor> Actions, List<Tensor> Weights) Candidates(Tensor output, Tensor has)
    {
        var targets = encoding.Targets;
        var edges = encoding.Shape.Edges;
        var shape = new long[] { output.shape[0], output.shape[1], 1 };
        var policy = output.narrow(2, 0, targets).softmax(2);
        var ratio = Ratio(output);
        var download = encoding.ModelAware ? output.narrow(2, targets + 1, 1).sigmoid() : null;
        var identity = eye(targets);
        var actions = new List<Tensor>();
        var weights = new List<Tensor>();
        for (var i = 0; i < targets; i++)
        {
            var oneHot = identity.narrow(0, i, 1).reshape(1, 1, targets).expand(shape[0], shape[1], targets);
            var parts = new List<Tensor> { oneHot, i == 0 ? zeros(shape) : ratio };
            var probability = policy.narrow(2, i, 1);
            if (download is null)
            {
                actions.Add(cat(parts, 2).mul(has));
                weights.Add(probability);
            }
            else if (i == 0 || i > edges)
            {
                actions.Add(cat([.. parts, zeros(shape)], 2).mul(has));
                weights.Add(probability);
            }
            else
            {
                actions.Add(cat([.. parts, ones(shape)], 2).mul(has));
                weights.Add(probability.mul(download));
                actions.Add(cat([.. parts, ones(shape).neg()], 2).mul(has));
                weights.Add(probability.mul(download.neg().add_(Scalars.One, Scalars.One)));
            }
        }

        return (actions, weights);
    }

    /// <summary>The offload ratio [N, batch, 1] of actor outputs: sigmoid of the ratio output with partial offloading, else 1.</summary>
    private Tensor Ratio(Tensor output) =>
        encoding.Shape.Partial ? output.narrow(2, encoding.Targets, 1).sigmoid() : ones(output.shape[0], output.shape[1], 1);
}
