using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using NetSim.Learning.Agents;
using NetSim.Learning.Environment;
using NetSim.Network.Building;

namespace NetSim.Cli.Serving;

/// <summary>
/// Serves environments of one world spec to one client over a pair of
/// streams (<see cref="Protocol"/>). Environment i's episodes are worlds of replication seeds:
/// a reset with seed s builds the world <c>netsim run --seed s</c> builds (its replication 0, or
/// option <c>replication</c> r: its replication r); a reset without a seed, and an automatic reset,
/// builds the next replication of the last root seed (at first the scenario's seed plus i). So an
/// environment reset without seeds walks through the replications <c>netsim run --replications</c>
/// runs. A step's reward is the sum over the decision epochs that settled during it of minus the
/// mean cost of their tasks (<see cref="CostModel"/>).
/// </summary>
internal sealed class EnvironmentServer
{
    private readonly CostModel _cost;
    private readonly IReadOnlyDictionary<string, object> _hello;
    private readonly FlatSpaces _spaces;
    private readonly ServedEnvironment[] _envs;
    private readonly double[] _observation;

    private readonly long _started = Stopwatch.GetTimestamp();
    private long _simulating;
    private long _encoding;
    private long _steps;
    private long _resets;

    /// <param name="spec">The world of the scenario (its seed is replaced per episode).</param>
    /// <param name="count">Environments served.</param>
    /// <param name="seed">The scenario's root seed.</param>
    /// <param name="cost">The cost model whose negated mean is an epoch's reward.</param>
    /// <param name="hello">The handshake's JSON besides what the server adds (scenario, hash).</param>
    public EnvironmentServer(WorldSpec spec, int count, ulong seed, CostModel cost, IReadOnlyDictionary<string, object> hello)
    {
        _cost = cost;
        _hello = hello;
        _spaces = new FlatSpaces(spec, cost.TimeScale);
        _envs = Enumerable.Range(0, count).Select(i => new ServedEnvironment(new OffloadingEnvironment(spec, "serve", cost.MeanReward), seed + (ulong)i)).ToArray();
        _observation = new double[_spaces.ObservationSize];
    }

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
        var exit = Session(new FrameStream(input, output));
        if (Stats)
        {
            var total = Stopwatch.GetElapsedTime(_started).TotalSeconds;
            var simulating = Stopwatch.GetElapsedTime(0, _simulating).TotalSeconds;
            var encoding = Stopwatch.GetElapsedTime(0, _encoding).TotalSeconds;
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"netsim serve: stats steps={_steps} resets={_resets} seconds={total:F6} simulating={simulating:F6} encoding={encoding:F6} rest={total - simulating - encoding:F6} (rest: reading requests, waiting for the client, decoding actions, writing replies)"));
        }

        return exit;
    }

    private int Session(FrameStream frames)
    {
        SendHello(frames);
        while (true)
        {
            if (!frames.TryRead(out var length))
            {
                return ExitCodes.Ok;
            }

            if (length < 1 || length > Protocol.MaxFrame)
            {
                frames.SendError($"frame length {length}: expected 1 to {Protocol.MaxFrame} bytes (a type byte and its body); the stream cannot be followed past it, closing");
                return ExitCodes.BadInput;
            }

            var type = frames.Type;
            var body = frames.Body;
            string? error;
            switch (type)
            {
                case Protocol.Reset:
                    error = Reset(body, frames);
                    break;
                case Protocol.Step:
                    error = Step(body, frames);
                    break;
                case Protocol.Tasks:
                    error = Tasks(body, frames);
                    break;
                case Protocol.Close:
                    error = body.Length == 0 ? null : $"close: {body.Length} body bytes, expected none";
                    if (error is null)
                    {
                        frames.Send(Protocol.Close | Protocol.ReplyBit, 0);
                        return ExitCodes.Ok;
                    }

                    break;
                default:
                    error = $"unknown message type 0x{type:x2} (expected 0x01 reset, 0x02 step, 0x03 tasks or 0x04 close)";
                    break;
            }

            if (error is not null)
            {
                frames.SendError(error);
            }
        }
    }

    private string? Reset(ReadOnlySpan<byte> body, FrameStream frames)
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

        if (!Protocol.TryReadOptions(body[17..], out var replication, out var error))
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
        var reply = frames.Begin(size);
        var at = 0;
        foreach (var i in targets)
        {
            at = WriteObservation(reply, at, _envs[i]);
        }

        foreach (var i in targets)
        {
            at = WriteInfo(reply, at, _envs[i]);
        }

        frames.Send(Protocol.Reset | Protocol.ReplyBit, size);
        return null;
    }

    private string? Step(ReadOnlySpan<byte> body, FrameStream frames)
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

        var reply = frames.Begin(size);
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
        frames.Send(Protocol.Step | Protocol.ReplyBit, size);
        return null;
    }

    private string? Tasks(ReadOnlySpan<byte> body, FrameStream frames)
    {
        if (body.Length is not (4 or 5))
        {
            return $"tasks: {body.Length} body bytes, expected 4 (int32 env) or 5 (int32 env, uint8 episode)";
        }

        var env = BinaryPrimitives.ReadInt32LittleEndian(body);
        if (env < 0 || env >= _envs.Length)
        {
            return $"tasks: environment {env}: expected 0 to {_envs.Length - 1}";
        }

        var episode = body.Length == 5 ? body[4] : 0;
        if (episode > 1)
        {
            return $"tasks: episode {episode}: expected 0 (the current one) or 1 (the one before it)";
        }

        var ended = episode == 0 ? _envs[env].Ended : _envs[env].Previous;
        var size = Protocol.TasksSize(ended.Count);
        Protocol.WriteTasks(frames.Begin(size), ended);
        frames.Send(Protocol.Tasks | Protocol.ReplyBit, size);
        return null;
    }

    private void SendHello(FrameStream frames)
    {
        var fields = new Dictionary<string, object>(_hello)
        {
            ["protocol"] = (int)Protocol.Version,
            ["envs"] = _envs.Length,
            ["info"] = Protocol.InfoNames,
            ["reward"] = string.Create(CultureInfo.InvariantCulture, $"sum over the decision epochs settled during the step of minus the mean cost of their tasks; a task's cost is latency / {_cost.TimeScale} s + {_cost.Penalty} if it missed its bound + {_cost.DropPenalty} if it never completed + {_cost.EnergyWeight} x energy / {_cost.EnergyScale} J"),
        };
        Protocol.AddSpaces(fields, _spaces);
        Protocol.SendHello(frames, Protocol.Hello, fields);
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

    private int WriteObservation(Span<byte> reply, int at, ServedEnvironment served)
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

    private static int WriteInfo(Span<byte> reply, int at, ServedEnvironment served)
    {
        foreach (var x in served.Info)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(reply[at..], x);
            at += 8;
        }

        return at;
    }
}
