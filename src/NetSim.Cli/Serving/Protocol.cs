using System.Buffers.Binary;
using System.Text.Json;
using NetSim.Learning.Environment;

namespace NetSim.Cli.Serving;

/// <summary>
/// The constants of the <c>netsim serve</c> protocol, version 1 (docs/python.md gives the byte
/// layout). Every message is a frame: a little-endian uint32 length of what follows, a type byte,
/// and the body. The server speaks first (<see cref="Hello"/>); then each request gets exactly one
/// reply, an <see cref="Error"/> when the request was wrong, which leaves every environment as it was.
/// </summary>
internal static class Protocol
{
    /// <summary>The protocol version the handshake reports; a change of any layout increments it.</summary>
    public const ushort Version = 1;

    /// <summary>The handshake's first four bytes.</summary>
    public static ReadOnlySpan<byte> Magic => "NSIM"u8;

    /// <summary>Longest frame accepted (type byte and body), 64 MiB: a longer length is taken for a broken stream.</summary>
    public const int MaxFrame = 64 << 20;

    /// <summary>Request: reset one environment or all (int32 env, -1 for all; uint8 has seed; uint64 seed; uint32 length and UTF-8 JSON options).</summary>
    public const byte Reset = 0x01;

    /// <summary>Request: step every environment (uint8 autoreset; int32 actions, one per device of each environment).</summary>
    public const byte Step = 0x02;

    /// <summary>Request: the ended tasks of an environment's episode so far (int32 env), or of the episode before it (then uint8 1).</summary>
    public const byte Tasks = 0x03;

    /// <summary>Request: end the session (no body); the reply is empty and the server exits 0.</summary>
    public const byte Close = 0x04;

    /// <summary>
    /// Policy protocol request (<c>netsim run</c> to a policy process): the handshake, as <see cref="Hello"/>'s
    /// body; the reply (0x90) is empty.
    /// </summary>
    public const byte Begin = 0x10;

    /// <summary>
    /// Policy protocol request: one decision epoch (float64 simulated time, float64 observation of
    /// devices x row); the reply (0x91) is one int32 action per device.
    /// </summary>
    public const byte Decide = 0x11;

    /// <summary>Reply: the handshake ("NSIM", uint16 version, uint32 length and UTF-8 JSON of the spaces).</summary>
    public const byte Hello = 0x80;

    /// <summary>Reply bit: a reply's type is its request's type with this bit set.</summary>
    public const byte ReplyBit = 0x80;

    /// <summary>Reply: what was wrong with the request (UTF-8 text, the rest of the frame).</summary>
    public const byte Error = 0xFF;

    /// <summary>The names of the info numbers every reset and step reports per environment, in order.</summary>
    public static readonly string[] InfoNames = ["now", "events", "created", "completed", "dropped", "epoch", "tasks", "settled", "episode"];

    /// <summary>Reads the <c>replication</c> of a reset's JSON options (null when not given); false with <paramref name="error"/> on bad options.</summary>
    public static bool TryReadOptions(ReadOnlySpan<byte> json, out int? replication, out string? error)
    {
        error = null;
        replication = null;
        if (json.Length == 0)
        {
            return true;
        }

        try
        {
            using var document = JsonDocument.Parse(json.ToArray());
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                error = $"reset: options are a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}, expected an object";
                return false;
            }
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Name != "replication")
                {
                    error = $"reset: unknown option '{property.Name}' (known: replication)";
                    return false;
                }

                if (property.Value.ValueKind != JsonValueKind.Number || !property.Value.TryGetInt32(out var r) || r < 0)
                {
                    error = $"reset: option replication: {property.Value.GetRawText()}, expected an integer from 0";
                    return false;
                }

                replication = r;
            }

            return true;
        }
        catch (JsonException ex)
        {
            error = $"reset: options are not JSON: {ex.Message}";
            return false;
        }
    }

    /// <summary>Adds the observation and action spaces of <paramref name="spaces"/> and the device count to a handshake's <paramref name="fields"/>.</summary>
    public static void AddSpaces(Dictionary<string, object> fields, FlatSpaces spaces)
    {
        fields["devices"] = spaces.Devices;
        fields["observation"] = new Dictionary<string, object>
        {
            ["shape"] = new[] { spaces.Devices, spaces.RowSize },
            ["low"] = 0.0,
            ["high"] = FlatSpaces.High,
            ["features"] = spaces.FeatureNames(),
        };
        fields["action"] = new Dictionary<string, object>
        {
            ["nvec"] = Enumerable.Repeat(spaces.Targets, spaces.Devices).ToArray(),
            ["targets"] = spaces.TargetNames(),
        };
    }

    /// <summary>Sends a handshake of <paramref name="type"/>: "NSIM", uint16 version, uint32 length and the UTF-8 JSON of <paramref name="fields"/>.</summary>
    public static void SendHello(FrameStream frames, byte type, IReadOnlyDictionary<string, object> fields)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(fields);
        var size = 4 + 2 + 4 + json.Length;
        var body = frames.Begin(size);
        Magic.CopyTo(body);
        BinaryPrimitives.WriteUInt16LittleEndian(body[4..], Version);
        BinaryPrimitives.WriteUInt32LittleEndian(body[6..], (uint)json.Length);
        json.CopyTo(body[10..]);
        frames.Send(type, size);
    }

    /// <summary>Bytes of a tasks reply of <paramref name="count"/> tasks.</summary>
    public static int TasksSize(int count) => 4 + (count * (8 + 4 + 8 + 8 + 8 + 1));

    /// <summary>
    /// Writes a tasks reply: uint32 count, then column by column the int64 task ids, int32 UEs,
    /// float64 latencies, bounds and energies, and uint8 completed flags.
    /// </summary>
    public static void WriteTasks(Span<byte> reply, IReadOnlyList<TaskResult> ended)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(reply, (uint)ended.Count);
        var at = 4;
        foreach (var t in ended)
        {
            BinaryPrimitives.WriteInt64LittleEndian(reply[at..], t.TaskId);
            at += 8;
        }

        foreach (var t in ended)
        {
            BinaryPrimitives.WriteInt32LittleEndian(reply[at..], t.Ue);
            at += 4;
        }

        foreach (var column in new Func<TaskResult, double>[] { t => t.Latency, t => t.Bound, t => t.EnergyJ })
        {
            foreach (var t in ended)
            {
                BinaryPrimitives.WriteDoubleLittleEndian(reply[at..], column(t));
                at += 8;
            }
        }

        foreach (var t in ended)
        {
            reply[at++] = (byte)(t.Completed ? 1 : 0);
        }
    }
}
