using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using NetSim.Kernel.Randomness;
using NetSim.Learning.Agents;
using NetSim.Learning.Environment;
using NetSim.Network.Building;

namespace NetSim.Cli.Serving;

/// <summary>
/// Serves <paramref name="count"/> environments of one world spec to one client over a pair of
/// streams (<see cref="Protocol"/>). Environment i's episodes are worlds of replication seeds:
/// a reset with seed s builds the world <c>netsim run --seed s</c> builds (its replication 0, or
/// option <c>replication</c> r: its replication r); a reset without a seed, and an automatic reset,
/// builds the next replication of the last root seed (at first the scenario's seed plus i). So an
/// environment reset without seeds walks through the replications <c>netsim run --replications</c>
/// runs. A step's reward is the sum over the decision epochs that settled during it of minus the
/// mean cost of their tasks (<see cref="CostModel"/>).
/// </summary>
/// <param name="spec">The world of the scenario (its seed is replaced per episode).</param>
/// <param name="count">Environments served.</param>
/// <param name="seed">The scenario's root seed.</param>
/// <param name="cost">The cost model whose negated mean is an epoch's reward.</param>
/// <param name="hello">The handshake's JSON besides what the server adds (scenario, hash).</param>
internal sealed class EnvironmentServer(WorldSpec spec, int count, ulong seed, CostModel cost, IReadOnlyDictionary<string, object> hello)
{
    private readonly FlatSpaces _spaces = new(spec, cost.TimeScale);
    private readonly Served[] _envs = Enumerable.Range(0, count).Select(i => new Served(new OffloadingEnvironment(spec, "serve", cost.MeanReward), seed + (ulong)i)).ToArray();
    private readonly double[] _observation = new double[new FlatSpaces(spec, cost.TimeScale).ObservationSize];
    private byte[] _in = new byte[1024];
    private byte[] _out = new byte[1024];

    private readonly long _started = Stopwatch.GetTimestamp();
    private long _simulating;
    private long _encoding;
    private long _steps;
    private long _resets;

    /// <summary>The spaces the environments use.</summary>
    public FlatSpaces Spaces => _spaces;

    /// <summary>Whether the session ends with a line on standard error saying where its time went.</summary>
    public bool Stats { get; init; }

    /// <summary>
    /// Sends the handshake and answers requests until the client closes (0), disappears (end of
    /// <paramref name="input"/>, 0) or sends a frame length beyond <see cref="Protocol.MaxFrame"/>
    /// (the stream cannot be followed further: an error reply, then 2).
    /// </summary>
    public int Serve(Stream input, Stream output)
    {
        var exit = Session(input, output);
        if (Stats)
        {
            var total = Stopwatch.GetElapsedTime(_started).TotalSeconds;
            var simulating = Stopwatch.GetElapsedTime(0, _simulating).TotalSeconds;
            var encoding = Stopwatch.GetElapsedTime(0, _encoding).TotalSeconds;
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"netsim serve: stats steps={_steps} resets={_resets} seconds={total:F6} simulating={simulating:F6} encoding={encoding:F6} rest={total - simulating - encoding:F6} (rest: reading requests, waiting for the client, decoding actions, writing replies)"));
        }

        return exit;
    }

    private int Session(Stream input, Stream output)
    {
        SendHello(output);
        Span<byte> header = stackalloc byte[4];
        while (true)
        {
            if (input.ReadAtLeast(header, 4, throwOnEndOfStream: false) < 4)
            {
                return ExitCodes.Ok;
            }

            var length = BinaryPrimitives.ReadUInt32LittleEndian(header);
            if (length < 1 || length > Protocol.MaxFrame)
            {
                SendError(output, $"frame length {length}: expected 1 to {Protocol.MaxFrame} bytes (a type byte and its body); the stream cannot be followed past it, closing");
                return ExitCodes.BadInput;
            }

            if (_in.Length < length)
            {
                _in = new byte[Math.Max(length, _in.Length * 2)];
            }

            if (input.ReadAtLeast(_in.AsSpan(0, (int)length), (int)length, throwOnEndOfStream: false) < length)
            {
                return ExitCodes.Ok;
            }

            var type = _in[0];
            var body = _in.AsSpan(1, (int)length - 1);
            string? error;
            switch (type)
            {
                case Protocol.Reset:
                    error = Reset(body, output);
                    break;
                case Protocol.Step:
                    error = Step(body, output);
                    break;
                case Protocol.Tasks:
                    error = Tasks(body, output);
                    break;
                case Protocol.Close:
                    error = body.Length == 0 ? null : $"close: {body.Length} body bytes, expected none";
                    if (error is null)
                    {
                        Send(output, Protocol.Close | Protocol.ReplyBit, 0);
                        return ExitCodes.Ok;
                    }

                    break;
                default:
                    error = $"unknown message type 0x{type:x2} (expected 0x01 reset, 0x02 step, 0x03 tasks or 0x04 close)";
                    break;
            }

            if (error is not null)
            {
                SendError(output, error);
            }
        }
    }

    private string? Reset(ReadOnlySpan<byte> body, Stream output)
    {
        if (body.Length < 17)
        {
            return $"reset: {body.Length} body bytes, expected at least 17 (int32 env, uint8 has seed, uint64 seed, uint32 options length)";
        }

        var env = BinaryPrimitives.ReadInt32LittleEndian(body);
        var hasSeed = body[4];
        var seed = BinaryPrimitives.ReadUInt64LittleEndian(body[5..]);
        var optionsLength = BinaryPrimitives.ReadUInt32LittleEndian(body[13..]);
        if (optionsLength != body.Length - 17)
        {
            return $"reset: options length {optionsLength}, but {body.Length - 17} bytes follow it";
        }

        if (env < -1 || env >= _envs.Length)
        {
            return $"reset: environment {env}: expected -1 (all) or 0 to {_envs.Length - 1}";
        }

        if (hasSeed > 1)
        {
            return $"reset: has-seed byte {hasSeed}: expected 0 or 1";
        }

        if (!TryReplication(body[17..], out var replication, out var error))
        {
            return error;
        }

        var targets = env < 0 ? Enumerable.Range(0, _envs.Length).ToArray() : [env];
        foreach (var i in targets)
        {
            var served = _envs[i];
            if (hasSeed == 1)
            {
                served.Root = seed + (ulong)(env < 0 ? i : 0);
                served.Next = replication ?? 0;
            }
            else if (replication is { } r)
            {
                served.Next = r;
            }

            Simulate(served.Start, reset: true);
            served.Snapshot();
        }

        var size = targets.Length * (_spaces.ObservationSize + Protocol.InfoNames.Length) * 8;
        var reply = Begin(size);
        var at = 0;
        foreach (var i in targets)
        {
            at = WriteObservation(reply, at, _envs[i]);
        }

        foreach (var i in targets)
        {
            at = WriteInfo(reply, at, _envs[i]);
        }

        Send(output, Protocol.Reset | Protocol.ReplyBit, size);
        return null;
    }

    /// <summary>Reads the <c>replication</c> of a reset's JSON options (null when not given); false with <paramref name="error"/> on bad options.</summary>
    private static bool TryReplication(ReadOnlySpan<byte> json, out int? replication, out string? error)
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

    private string? Step(ReadOnlySpan<byte> body, Stream output)
    {
        var devices = _spaces.Devices;
        var expected = 1 + (4 * devices * _envs.Length);
        if (body.Length != expected)
        {
            return $"step: {body.Length} body bytes, expected {expected} (uint8 autoreset, then one int32 per device: {devices} devices x {_envs.Length} environments)";
        }

        var autoreset = body[0];
        if (autoreset > 1)
        {
            return $"step: autoreset byte {autoreset}: expected 0 or 1";
        }

        var actions = new int[devices * _envs.Length];
        for (var i = 0; i < actions.Length; i++)
        {
            actions[i] = BinaryPrimitives.ReadInt32LittleEndian(body[(1 + (4 * i))..]);
        }

        var decided = new Network.Scheduling.Assignment[_envs.Length][];
        for (var e = 0; e < _envs.Length; e++)
        {
            var served = _envs[e];
            if (served.Last is not { } last)
            {
                return $"step: environment {e} has no episode: reset it first";
            }

            if (last.Done)
            {
                if (autoreset == 0)
                {
                    return $"step: environment {e}'s episode is over ({(last.Terminated ? "terminated" : "truncated")}): reset it first, or step with autoreset";
                }

                continue;
            }

            if (_spaces.Decode(last.Batch, actions.AsSpan(e * devices, devices), out var error) is not { } assignments)
            {
                return $"step: environment {e}: {error}";
            }

            decided[e] = assignments;
        }

        var n = _envs.Length;
        var info = Protocol.InfoNames.Length;
        var size = (n * (1 + info + _spaces.ObservationSize) * 8) + (2 * n);
        var rewards = new double[n];
        var flags = new byte[2 * n];
        for (var e = 0; e < n; e++)
        {
            var served = _envs[e];
            if (decided[e] is null)
            {
                // An ended episode under autoreset: this step starts the next one.
                Simulate(served.Start, reset: true);
            }
            else
            {
                try
                {
                    var assignments = decided[e];
                    Simulate(() => served.Advance(assignments), reset: false);
                }
                catch (InvalidOperationException ex)
                {
                    served.Last = null;
                    return $"step: environment {e}: the simulator refused the assignments ({ex.Message}); reset it";
                }
            }

            rewards[e] = served.Reward;
            flags[e] = (byte)(served.Last!.Terminated ? 1 : 0);
            flags[n + e] = (byte)(served.Last.Truncated ? 1 : 0);
            served.Snapshot();
            if (served.Last.Done && autoreset == 1)
            {
                Simulate(served.Start, reset: true);
            }
        }

        var reply = Begin(size);
        var at = 0;
        foreach (var r in rewards)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(reply[at..], r);
            at += 8;
        }

        for (var e = 0; e < n; e++)
        {
            at = WriteInfo(reply, at, _envs[e]);
        }

        for (var e = 0; e < n; e++)
        {
            at = WriteObservation(reply, at, _envs[e]);
        }

        flags.CopyTo(reply[at..]);
        Send(output, Protocol.Step | Protocol.ReplyBit, size);
        return null;
    }

    private string? Tasks(ReadOnlySpan<byte> body, Stream output)
    {
        if (body.Length != 4)
        {
            return $"tasks: {body.Length} body bytes, expected 4 (int32 env)";
        }

        var env = BinaryPrimitives.ReadInt32LittleEndian(body);
        if (env < 0 || env >= _envs.Length)
        {
            return $"tasks: environment {env}: expected 0 to {_envs.Length - 1}";
        }

        var ended = _envs[env].Ended;
        var c = ended.Count;
        var size = 4 + (c * (8 + 4 + 8 + 8 + 8 + 1));
        var reply = Begin(size);
        BinaryPrimitives.WriteUInt32LittleEndian(reply, (uint)c);
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

        Send(output, Protocol.Tasks | Protocol.ReplyBit, size);
        return null;
    }

    private void SendHello(Stream output)
    {
        var fields = new Dictionary<string, object>(hello)
        {
            ["protocol"] = (int)Protocol.Version,
            ["envs"] = _envs.Length,
            ["devices"] = _spaces.Devices,
            ["observation"] = new Dictionary<string, object>
            {
                ["shape"] = new[] { _spaces.Devices, _spaces.RowSize },
                ["low"] = 0.0,
                ["high"] = FlatSpaces.High,
                ["features"] = _spaces.FeatureNames(),
            },
            ["action"] = new Dictionary<string, object>
            {
                ["nvec"] = Enumerable.Repeat(_spaces.Targets, _spaces.Devices).ToArray(),
                ["targets"] = _spaces.TargetNames(),
            },
            ["info"] = Protocol.InfoNames,
            ["reward"] = string.Create(CultureInfo.InvariantCulture, $"sum over the decision epochs settled during the step of minus the mean cost of their tasks; a task's cost is latency / {cost.TimeScale} s + {cost.Penalty} if it missed its bound + {cost.DropPenalty} if it never completed + {cost.EnergyWeight} x energy / {cost.EnergyScale} J"),
        };
        var json = JsonSerializer.SerializeToUtf8Bytes(fields);
        var size = 4 + 2 + 4 + json.Length;
        var reply = Begin(size);
        Protocol.Magic.CopyTo(reply);
        BinaryPrimitives.WriteUInt16LittleEndian(reply[4..], Protocol.Version);
        BinaryPrimitives.WriteUInt32LittleEndian(reply[6..], (uint)json.Length);
        json.CopyTo(reply[10..]);
        Send(output, Protocol.Hello, size);
    }

    private void SendError(Stream output, string message)
    {
        var text = Encoding.UTF8.GetBytes(message);
        text.CopyTo(Begin(text.Length));
        Send(output, Protocol.Error, text.Length);
    }

    /// <summary>The body of a reply of <paramref name="size"/> bytes, to fill before <see cref="Send"/>.</summary>
    private Span<byte> Begin(int size)
    {
        if (_out.Length < size + 5)
        {
            _out = new byte[Math.Max(size + 5, _out.Length * 2)];
        }

        return _out.AsSpan(5, size);
    }

    private void Send(Stream output, int type, int size)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(_out, (uint)(size + 1));
        _out[4] = (byte)type;
        output.Write(_out, 0, size + 5);
        output.Flush();
    }

    /// <summary>Runs <paramref name="action"/>, a reset or a step of an environment, counting it and its time.</summary>
    private void Simulate(Action action, bool reset)
    {
        var start = Stopwatch.GetTimestamp();
        action();
        _simulating += Stopwatch.GetTimestamp() - start;
        if (reset)
        {
            _resets++;
        }
        else
        {
            _steps++;
        }
    }

    private int WriteObservation(Span<byte> reply, int at, Served served)
    {
        var start = Stopwatch.GetTimestamp();
        var last = served.Last!;
        if (last.Observation is { } observation)
        {
            _spaces.Encode(observation, last.Batch, _observation);
        }
        else
        {
            Array.Clear(_observation);
        }

        foreach (var x in _observation)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(reply[at..], x);
            at += 8;
        }

        _encoding += Stopwatch.GetTimestamp() - start;
        return at;
    }

    private static int WriteInfo(Span<byte> reply, int at, Served served)
    {
        foreach (var x in served.Info)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(reply[at..], x);
            at += 8;
        }

        return at;
    }

    /// <summary>One served environment: its episodes' seeds, its last step, and the tasks ended in the current episode.</summary>
    private sealed class Served(OffloadingEnvironment env, ulong root)
    {
        public ulong Root { get; set; } = root;

        /// <summary>The replication of <see cref="Root"/> the next reset without a seed builds.</summary>
        public int Next { get; set; }

        public int Episodes { get; private set; }

        public StepResult? Last { get; set; }

        public double Reward { get; private set; }

        public List<TaskResult> Ended { get; } = new();

        /// <summary>The info numbers reported with the last step (<see cref="Protocol.InfoNames"/>).</summary>
        public double[] Info { get; } = new double[Protocol.InfoNames.Length];

        public void Start()
        {
            Ended.Clear();
            Last = env.Reset(RandomStreams.Replication(Root, Next));
            Next++;
            Episodes++;
            Reward = Last.Reward;
            Collect();
        }

        public void Advance(IReadOnlyList<Network.Scheduling.Assignment> assignments)
        {
            Last = env.Step(assignments);
            Reward = Last.Reward;
            Collect();
        }

        /// <summary>Fixes <see cref="Info"/> from the last step.</summary>
        public void Snapshot()
        {
            var last = Last!;
            var i = last.Info;
            Info[0] = i.Now;
            Info[1] = i.Events;
            Info[2] = i.Created;
            Info[3] = i.Completed;
            Info[4] = i.Dropped;
            Info[5] = last.Epoch;
            Info[6] = last.Batch.Count;
            Info[7] = last.Settled.Count;
            Info[8] = Episodes - 1;
        }

        private void Collect()
        {
            foreach (var settled in Last!.Settled)
            {
                Ended.AddRange(settled.Tasks);
            }
        }
    }
}
