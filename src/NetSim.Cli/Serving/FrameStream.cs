using System.Buffers.Binary;
using System.Text;

namespace NetSim.Cli.Serving;

/// <summary>
/// The frames of the <see cref="Protocol"/> over a pair of streams: reads a request into a buffer
/// that grows as needed, and writes a reply from another, so a session allocates nothing per frame
/// once its largest frame has been seen.
/// </summary>
internal sealed class FrameStream(Stream input, Stream output)
{
    private byte[] _in = new byte[1024];
    private byte[] _out = new byte[1024];
    private int _length;

    /// <summary>The type byte of the frame last read.</summary>
    public byte Type => _in[0];

    /// <summary>The body of the frame last read.</summary>
    public ReadOnlySpan<byte> Body => _in.AsSpan(1, _length - 1);

    /// <summary>
    /// Reads the next frame's length and, when it is 1 to <see cref="Protocol.MaxFrame"/>, the frame;
    /// false when the input ends first. A length out of that range is returned without reading on.
    /// </summary>
    public bool TryRead(out uint length)
    {
        Span<byte> header = stackalloc byte[4];
        length = 0;
        if (input.ReadAtLeast(header, 4, throwOnEndOfStream: false) < 4)
        {
            return false;
        }

        length = BinaryPrimitives.ReadUInt32LittleEndian(header);
        if (length < 1 || length > Protocol.MaxFrame)
        {
            return true;
        }

        if (_in.Length < length)
        {
            _in = new byte[Math.Max(length, _in.Length * 2)];
        }

        _length = (int)length;
        return input.ReadAtLeast(_in.AsSpan(0, _length), _length, throwOnEndOfStream: false) == _length;
    }

    /// <summary>The body of a reply of <paramref name="size"/> bytes, to fill before <see cref="Send"/>.</summary>
    public Span<byte> Begin(int size)
    {
        if (_out.Length < size + 5)
        {
            _out = new byte[Math.Max(size + 5, _out.Length * 2)];
        }

        return _out.AsSpan(5, size);
    }

    /// <summary>Writes the reply begun with <see cref="Begin"/> as a frame of <paramref name="type"/> and flushes it.</summary>
    public void Send(int type, int size)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(_out, (uint)(size + 1));
        _out[4] = (byte)type;
        output.Write(_out, 0, size + 5);
        output.Flush();
    }

    /// <summary>Sends an <see cref="Protocol.Error"/> reply with <paramref name="message"/>.</summary>
    public void SendError(string message)
    {
        var text = Encoding.UTF8.GetBytes(message);
        text.CopyTo(Begin(text.Length));
        Send(Protocol.Error, text.Length);
    }
}
