using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace NetSim.Learning.Networks;

/// <summary>
/// The first layer of N networks (one per agent) whose input is the concatenation of D per-device
/// blocks of K numbers each: network m maps x = (x_1, ..., x_D) to sum_j x_j W_m,j + b_m, exactly a
/// dense linear layer over the D K inputs. Blocks that are all zeros (a device without a task)
/// add nothing, so only the blocks named active are multiplied (in one batched product, each
/// device's list padded to the longest): with one active device per row, as in arrival epochs, that
/// costs about 1/D of the dense product. Weights are stored as [D, K, N H] so
/// that device j's rows for every network are one matrix; initialised as torch's <c>Linear</c> over
/// D K inputs (uniform in ±1/sqrt(D K); hold <see cref="TorchRandom.Gate"/> while constructing).
/// </summary>
public sealed class JointInputLayer : Module
{
    private readonly Parameter weight;
    private readonly Parameter bias;

    /// <summary>A layer for <paramref name="members"/> networks over <paramref name="devices"/> blocks of <paramref name="block"/> inputs, with <paramref name="outputs"/> outputs each.</summary>
    public JointInputLayer(string name, int members, int devices, int block, int outputs)
        : base(name)
    {
        Members = members;
        Devices = devices;
        Block = block;
        Outputs = outputs;
        var bound = 1 / Math.Sqrt(devices * block);
        using (no_grad())
        {
            weight = new Parameter(empty(devices, block, members * outputs).uniform_(-bound, bound));
            bias = new Parameter(empty(members, 1, outputs).uniform_(-bound, bound));
        }

        RegisterComponents();
    }

    /// <summary>Number of networks.</summary>
    public int Members { get; }

    /// <summary>Number of input blocks.</summary>
    public int Devices { get; }

    /// <summary>Inputs per block.</summary>
    public int Block { get; }

    /// <summary>Outputs per network.</summary>
    public int Outputs { get; }

    /// <summary>
    /// Every network's output [N, batch, H] for <paramref name="blocks"/> [batch, D, K], where
    /// <paramref name="active"/>[j] lists the rows whose block j is not all zeros (any other block j
    /// must be zeros).
    /// </summary>
    public Tensor Forward(Tensor blocks, IReadOnlyList<long[]> active)
    {
        // Block j of the listed rows, padded to the longest list with a zero block, times W_j for
        // every j in one batched product; each product is added to its row (padding to a spare row).
        var b = blocks.shape[0];
        var longest = Math.Max(1, active.Max(a => a.Length));
        var take = new long[Devices * longest];
        var into = new long[Devices * longest];
        for (var j = 0; j < Devices; j++)
        {
            for (var e = 0; e < longest; e++)
            {
                var listed = e < active[j].Length;
                take[(j * longest) + e] = listed ? (active[j][e] * Devices) + j : b * Devices;
                into[(j * longest) + e] = listed ? active[j][e] : b;
            }
        }

        var flat = cat([blocks.reshape(b * Devices, Block), zeros(1, Block)], 0);
        var products = flat.index_select(0, tensor(take)).reshape(Devices, longest, Block).bmm(weight);
        var sum = zeros(b + 1, Members * Outputs).index_add(0, tensor(into), products.reshape(Devices * longest, Members * Outputs), Scalars.One);
        return sum.narrow(0, 0, b).reshape(b, Members, Outputs).permute(1, 0, 2).add(bias, Scalars.One);
    }

    /// <summary>The weights [N, count, H] by which network m's output moves with inputs offset..offset+count-1 of block m (its own device's block).</summary>
    public Tensor OwnWeights(int offset, int count) =>
        weight.reshape(Devices, Block, Members, Outputs).narrow(1, offset, count).diagonal(0, 0, 2).permute(2, 0, 1);
}
