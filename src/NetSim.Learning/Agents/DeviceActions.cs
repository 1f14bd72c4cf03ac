using static TorchSharp.torch;

namespace NetSim.Learning.Agents;

/// <summary>
/// The DDPG family's actions as tensors, from the actors' outputs [N, batch, d] (logits per
/// target, the ratio output; <see cref="DeviceEncoding"/>) to the actions the critics see
/// [N, batch, d] (target one-hot, ratio).
/// </summary>
internal sealed class DeviceActions(DeviceEncoding encoding)
{
    /// <summary>The greedy actions of <paramref name="output"/>: the argmax target and the ratio; the null action (zeros) where <paramref name="has"/> (the task flag) is 0.</summary>
    public Tensor Greedy(Tensor output, Tensor has)
    {
        var targets = encoding.Targets;
        var oneHot = nn.functional.one_hot(output.narrow(2, 0, targets).argmax(2), targets).to_type(ScalarType.Float32);
        return cat([oneHot, Ratio(output).mul(oneHot.narrow(2, 1, targets - 1).sum(2, keepdim: true))], 2).mul(has);
    }

    /// <summary>
    /// Every target of every device as the critics see it, with the actors' ratio, and the
    /// probability softmax(logits)_i the actors give target i. Zero where <paramref name="has"/> is 0.
    /// </summary>
    public (List<Tensor> Actions, List<Tensor> Weights) Candidates(Tensor output, Tensor has)
    {
        var targets = encoding.Targets;
        var shape = new long[] { output.shape[0], output.shape[1], 1 };
        var policy = output.narrow(2, 0, targets).softmax(2);
        var ratio = Ratio(output);
        var identity = eye(targets);
        var actions = new List<Tensor>();
        var weights = new List<Tensor>();
        for (var i = 0; i < targets; i++)
        {
            var oneHot = identity.narrow(0, i, 1).reshape(1, 1, targets).expand(shape[0], shape[1], targets);
            actions.Add(cat([oneHot, i == 0 ? zeros(shape) : ratio], 2).mul(has));
            weights.Add(policy.narrow(2, i, 1));
        }

        return (actions, weights);
    }

    /// <summary>The offload ratio [N, batch, 1] of actor outputs: sigmoid of the ratio output with partial offloading, else 1.</summary>
    private Tensor Ratio(Tensor output) =>
        encoding.Shape.Partial ? output.narrow(2, encoding.Targets, 1).sigmoid() : ones(output.shape[0], output.shape[1], 1);
}
