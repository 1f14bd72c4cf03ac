using NetSim.Learning.Training;
using static TorchSharp.torch;

namespace NetSim.Learning.Agents;

/// <summary>
/// A minibatch of joint transitions sampled from the replay memory (rows of
/// <see cref="ReplayBuffer"/>: every device's observation, every device's action, every device's
/// reward, every device's next observation, done), split as the DDPG family's update reads it.
/// </summary>
internal sealed class JointBatch
{
    private readonly float[] _rows;
    private readonly int _devices;
    private readonly int _observation;
    private readonly int _action;
    private readonly int _width;

    /// <summary>Samples <paramref name="size"/> rows of <paramref name="replay"/> for <paramref name="devices"/> devices.</summary>
    public JointBatch(ReplayBuffer replay, AgentRandom random, int size, int devices)
    {
        Size = size;
        _devices = devices;
        _observation = replay.Observation / devices;
        _action = replay.Action / devices;
        _width = replay.Width;
        _rows = new float[size * _width];
        replay.Sample(random, size, _rows);
        Active = ActiveRows(0);
        NextActive = ActiveRows(replay.Observation + replay.Action + replay.Rewards);
    }

    /// <summary>The number of rows.</summary>
    public int Size { get; }

    /// <summary>Per device, the rows in which it had a task.</summary>
    public long[][] Active { get; }

    /// <summary>Per device, the rows whose next observation gives it a task.</summary>
    public long[][] NextActive { get; }

    /// <summary>discount x (1 - done) per row, as [1, batch, 1].</summary>
    public Tensor Continuation(double discount)
    {
        var keep = new float[Size];
        for (var i = 0; i < Size; i++)
        {
            keep[i] = (float)(discount * (1 - _rows[((i + 1) * _width) - 1]));
        }

        return tensor(keep, [1, Size, 1]);
    }

    /// <summary>Observations [batch, N, o], actions [batch, N, d], rewards [N, batch, 1] and next observations [batch, N, o], in the caller's dispose scope.</summary>
    public (Tensor Observations, Tensor Actions, Tensor Rewards, Tensor Next) Tensors()
    {
        var (n, o, d) = (_devices, _observation, _action);
        var all = tensor(_rows, [Size, _width]);
        return (
            all.narrow(1, 0, n * o).reshape(Size, n, o),
            all.narrow(1, n * o, n * d).reshape(Size, n, d),
            all.narrow(1, (n * o) + (n * d), n).t().unsqueeze(2),
            all.narrow(1, (n * o) + (n * d) + n, n * o).reshape(Size, n, o));
    }

    /// <summary>
    /// <see cref="Active"/> as a [N, longest] table of row indices, each device's list padded to the
    /// longest with row 0, and a mask of the same shape weighing each listed row 1 / (the device's
    /// count) and the padding 0.
    /// </summary>
    public (long[] Rows, float[] Mask, int Longest) ActiveByDevice()
    {
        var longest = Math.Max(1, Active.Max(a => a.Length));
        var rows = new long[_devices * longest];
        var mask = new float[_devices * longest];
        for (var m = 0; m < _devices; m++)
        {
            for (var e = 0; e < Active[m].Length; e++)
            {
                rows[(m * longest) + e] = Active[m][e];
                mask[(m * longest) + e] = 1f / Active[m].Length;
            }
        }

        return (rows, mask, longest);
    }

    /// <summary>Per device, the rows whose joint observation at <paramref name="offset"/> gives the device a task (its first feature, the task flag, is set).</summary>
    private long[][] ActiveRows(int offset)
    {
        var lists = Enumerable.Range(0, _devices).Select(_ => new List<long>(Size)).ToArray();
        for (var i = 0; i < Size; i++)
        {
            for (var m = 0; m < _devices; m++)
            {
                if (_rows[(i * _width) + offset + (m * _observation)] != 0)
                {
                    lists[m].Add(i);
                }
            }
        }

        return lists.Select(l => l.ToArray()).ToArray();
    }
}
