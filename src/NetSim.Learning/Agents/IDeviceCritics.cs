using static TorchSharp.torch;

namespace NetSim.Learning.Agents;

/// <summary>
/// The critics of the DDPG family, one per device, evaluated together. Their input is a batch of
/// joint blocks [batch, N, o + d] (device j's observation and action, all zeros without a task) with,
/// per device, the rows in which it had a task.
/// </summary>
internal interface IDeviceCritics : IDisposable
{
    /// <summary>The networks, for optimisers, soft updates and checkpoints.</summary>
    nn.Module Module { get; }

    /// <summary>Q_m(s, a) for every device m: [N, batch, 1].</summary>
    Tensor Values(Tensor blocks, IReadOnlyList<long[]> active);

    /// <summary>
    /// Q_m for every device m at rows <paramref name="rows"/>[m] of the batch ([N, E] indices), with
    /// device m's own action replaced by <paramref name="own"/>[m], the others' as stored.
    /// <paramref name="own"/> is [N, C E, d]: C candidate actions for each of the E rows, candidate
    /// after candidate; the result is [N, C E, 1] in the same order.
    /// </summary>
    Tensor ValuesWithOwn(Tensor blocks, IReadOnlyList<long[]> active, Tensor rows, Tensor own);
}
