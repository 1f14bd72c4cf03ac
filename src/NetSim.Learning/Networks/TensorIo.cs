using TorchSharp;
using static TorchSharp.torch;

namespace NetSim.Learning.Networks;

/// <summary>Writes and reads float tensors as their shapes and values, in order, for checkpoints.</summary>
public static class TensorIo
{
    /// <summary>Writes <paramref name="tensors"/> (count, then each shape and values).</summary>
    public static void Write(BinaryWriter writer, IReadOnlyList<Tensor> tensors)
    {
        writer.Write(tensors.Count);
        // The scope keeps detach()'s and cpu()'s results alive until their values are read: a
        // temporary left to the finaliser could be freed while torch still reads it.
        using var scope = NewDisposeScope();
        foreach (var t in tensors)
        {
            writer.Write(t.shape.Length);
            foreach (var d in t.shape)
            {
                writer.Write(d);
            }

            var values = t.detach().cpu().data<float>().ToArray();
            foreach (var v in values)
            {
                writer.Write(v);
            }
        }
    }

    /// <summary>Reads values into <paramref name="tensors"/> in place; shapes must match what was written.</summary>
    public static void Read(BinaryReader reader, IReadOnlyList<Tensor> tensors)
    {
        var count = reader.ReadInt32();
        if (count != tensors.Count)
        {
            throw new InvalidDataException($"checkpoint holds {count} tensors where {tensors.Count} were expected");
        }

        using var noGrad = no_grad();
        foreach (var t in tensors)
        {
            var rank = reader.ReadInt32();
            var shape = new long[rank];
            for (var i = 0; i < rank; i++)
            {
                shape[i] = reader.ReadInt64();
            }

            if (!shape.SequenceEqual(t.shape))
            {
                throw new InvalidDataException($"checkpoint tensor of shape [{string.Join(", ", shape)}] where [{string.Join(", ", t.shape)}] was expected");
            }

            var values = new float[t.numel()];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = reader.ReadSingle();
            }

            using var source = tensor(values, shape);
            t.copy_(source);
        }
    }

    /// <summary>Writes a module's parameters.</summary>
    public static void WriteModule(BinaryWriter writer, nn.Module module) => Write(writer, module.parameters().Cast<Tensor>().ToArray());

    /// <summary>Reads a module's parameters.</summary>
    public static void ReadModule(BinaryReader reader, nn.Module module) => Read(reader, module.parameters().Cast<Tensor>().ToArray());

    /// <summary>Copies <paramref name="source"/>'s parameters into <paramref name="target"/>, or moves them a fraction <paramref name="tau"/> of the way (soft update).</summary>
    public static void SoftUpdate(nn.Module target, nn.Module source, double tau)
    {
        using var noGrad = no_grad();
        using var keep = (1 - tau).ToScalar();
        using var take = tau.ToScalar();
        foreach (var (t, s) in target.parameters().Zip(source.parameters()))
        {
            t.mul_(keep).add_(s, alpha: take);
        }
    }
}
