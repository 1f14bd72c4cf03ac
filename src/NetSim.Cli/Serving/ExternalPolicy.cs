using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using NetSim.Learning.Agents;
using NetSim.Learning.Environment;
using NetSim.Network.Scheduling;

namespace NetSim.Cli.Serving;

/// <summary>
/// The policy <c>external</c>: decisions from a process the user names (<c>policy.options.command</c>,
/// run by <c>/bin/sh -c</c> in the working directory), for example a policy trained in Python and
/// served by <c>netsim_gym.serve_policy</c>. The process is started at the run's first decision
/// epoch and speaks the policy protocol of docs/python.md over its standard input and output: a
/// handshake with the spaces of <c>netsim serve</c>, then one request per epoch carrying the same
/// observation <c>netsim serve</c> sends, answered with one action integer per device, decoded as
/// <c>netsim serve</c> decodes a step's. Its standard error is passed on, each line prefixed with
/// <c>policy process:</c>. A process that ends, answers out of protocol or with an error, or does not
/// answer within <c>policy.options.timeout</c>, fails the run with a message saying which; an
/// interrupted run stops waiting for it.
/// </summary>
internal sealed class ExternalPolicy : IPolicy, IDisposable
{
    /// <summary>The policy's name in scenario files.</summary>
    public const string PolicyName = "external";

    /// <summary>Lines of the process's standard error kept for a failure's message.</summary>
    private const int TailLines = 5;

    private readonly PolicyContext _context;
    private readonly string _command;
    private readonly TimeSpan _timeout;
    private readonly double _timeScale;
    private readonly Queue<string> _tail = new();
    private Process? _process;
    private FrameStream? _frames;
    private FlatSpaces? _spaces;
    private double[] _observation = [];
    private int[] _action = [];
    private volatile bool _timedOut;

    /// <summary>A policy for <paramref name="context"/>, its options checked now; the process starts at the first epoch.</summary>
    public ExternalPolicy(PolicyContext context)
    {
        _context = context;
        var reader = new OptionReader(PolicyName, context.Options);
        var (command, timeout, timeScale) = Read(reader);
        reader.Check();
        _command = command ?? throw new PolicyException($"policy {PolicyName}: policy.options.command is missing: the command line of a process that answers decisions (docs/python.md, for example \"python3 my_policy.py\")");
        _timeout = TimeSpan.FromSeconds(timeout);
        _timeScale = timeScale;
    }

    /// <summary>What the policy takes: the options <c>command</c>, <c>timeout</c> and <c>time_scale</c>, no checkpoint.</summary>
    public static PolicyInputs Takes()
    {
        var reader = new OptionReader(PolicyName, new Dictionary<string, object?>());
        Read(reader);
        return new PolicyInputs(reader.Keys, Checkpoint: false);
    }

    /// <inheritdoc />
    public string Name => PolicyName;

    /// <inheritdoc />
    public IReadOnlyList<Assignment> Decide(Observation observation, IReadOnlyList<TaskView> batch)
    {
        if (_context.Cancel.IsCancellationRequested)
        {
            return Local(batch);
        }

        if (_process is null && !Start(observation))
        {
            return Local(batch);
        }

        var spaces = _spaces!;
        spaces.Encode(observation, batch, _observation);
        var size = 8 + (8 * _observation.Length);
        var body = _frames!.Begin(size);
        BinaryPrimitives.WriteDoubleLittleEndian(body, observation.Now);
        for (var i = 0; i < _observation.Length; i++)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(body[(8 + (8 * i))..], _observation[i]);
        }

        if (!Request(Protocol.Decide, size, "decision", out var reply))
        {
            return Local(batch);
        }

        if (reply.Length != 4 * spaces.Devices)
        {
            throw Failure($"answered a decision with {reply.Length} bytes, expected {4 * spaces.Devices} (one int32 action per device)");
        }

        for (var ue = 0; ue < _action.Length; ue++)
        {
            _action[ue] = BinaryPrimitives.ReadInt32LittleEndian(reply[(4 * ue)..]);
        }

        return spaces.Decode(batch, _action, out var error) ?? throw Failure($"answered at t={observation.Now.ToString("G6", CultureInfo.InvariantCulture)} s with {error}");
    }

    /// <summary>Asks the process to close (it has a moment to end on its own) and stops it if it does not.</summary>
    public void Dispose()
    {
        if (_process is not { } process)
        {
            return;
        }

        try
        {
            if (!process.HasExited)
            {
                _frames!.Begin(0);
                _frames.Send(Protocol.Close, 0);
                process.StandardInput.Close();
            }
        }
        catch (IOException)
        {
            // The process has gone already: nothing to close.
        }

        if (!process.WaitForExit(TimeSpan.FromSeconds(5)))
        {
            Stop();
        }

        process.WaitForExit();
        process.Dispose();
        _process = null;
    }

    private static (string? Command, double Timeout, double TimeScale) Read(OptionReader reader) => (
        reader.Text("command"),
        reader.Seconds("timeout", 60, 1e-3, 86_400),
        reader.Seconds("time_scale", 0.01, 1e-9, 1e6));

    private static Assignment[] Local(IReadOnlyList<TaskView> batch) => [.. batch.Select(t => Assignment.Local(t.Id))];

    /// <summary>Starts the process and shakes hands; false when the run was interrupted meanwhile.</summary>
    private bool Start(Observation observation)
    {
        var spaces = new FlatSpaces(WorldShape.Of(observation), _timeScale);
        var info = new ProcessStartInfo("/bin/sh")
        {
            ArgumentList = { "-c", _command },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = new Process { StartInfo = info };
        process.ErrorDataReceived += (_, e) => Pass(e.Data);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            process.Dispose();
            throw new PolicyException($"policy {PolicyName}: cannot start /bin/sh for '{_command}': {ex.Message}");
        }

        process.BeginErrorReadLine();
        _process = process;
        _frames = new FrameStream(new BufferedStream(process.StandardOutput.BaseStream, 1 << 16), process.StandardInput.BaseStream);
        _spaces = spaces;
        _observation = new double[spaces.ObservationSize];
        _action = new int[spaces.Devices];
        var fields = new Dictionary<string, object>
        {
            ["protocol"] = (int)Protocol.Version,
            ["role"] = "policy",
            ["time_scale"] = _timeScale,
        };
        Protocol.AddSpaces(fields, spaces);
        try
        {
            Protocol.SendHello(_frames, Protocol.Begin, fields);
        }
        catch (IOException)
        {
            throw Failure("ended before the handshake");
        }

        if (!Await(Protocol.Begin, "handshake", out var reply))
        {
            return false;
        }

        return reply.Length == 0 ? true : throw Failure($"answered the handshake with {reply.Length} bytes, expected none");
    }

    /// <summary>Sends the request begun in the frame stream and reads its reply's body; false when the run was interrupted meanwhile.</summary>
    private bool Request(byte type, int size, string what, out ReadOnlySpan<byte> reply)
    {
        try
        {
            _frames!.Send(type, size);
        }
        catch (IOException)
        {
            throw Failure($"ended before the {what} request could be sent");
        }

        return Await(type, what, out reply);
    }

    /// <summary>Reads the reply to a request of <paramref name="request"/>; false when the run was interrupted meanwhile.</summary>
    private bool Await(byte request, string what, out ReadOnlySpan<byte> reply)
    {
        reply = default;
        bool read;
        uint length;
        using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(_context.Cancel))
        {
            deadline.CancelAfter(_timeout);
            using (deadline.Token.Register(() =>
            {
                _timedOut = !_context.Cancel.IsCancellationRequested;
                Stop();
            }))
            {
                read = _frames!.TryRead(out length);
            }
        }

        if (_context.Cancel.IsCancellationRequested)
        {
            return false;
        }

        if (!read)
        {
            throw Failure(_timedOut
                ? $"did not answer the {what} within {_timeout.TotalSeconds.ToString("G6", CultureInfo.InvariantCulture)} s (policy.options.timeout) and was stopped"
                : $"ended without answering the {what}");
        }

        if (length < 1 || length > Protocol.MaxFrame)
        {
            Stop();
            throw Failure($"answered the {what} with a frame length of {length}, which is not the policy protocol (does it write to standard output? netsim_gym.serve_policy moves print to standard error)");
        }

        var type = _frames.Type;
        if (type == Protocol.Error)
        {
            throw Failure($"answered the {what} with an error: {System.Text.Encoding.UTF8.GetString(_frames.Body)}");
        }

        if (type != (request | Protocol.ReplyBit))
        {
            Stop();
            throw Failure($"answered the {what} with a frame of type 0x{type:x2}, expected 0x{request | Protocol.ReplyBit:x2}");
        }

        reply = _frames.Body;
        return true;
    }

    private void Pass(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_tail)
        {
            _tail.Enqueue(line);
            if (_tail.Count > TailLines)
            {
                _tail.Dequeue();
            }
        }

        Console.Error.WriteLine($"policy process: {line}");
    }

    private void Stop()
    {
        try
        {
            _process?.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It ended by itself meanwhile.
        }
    }

    /// <summary>The exception failing the run: what the process did, its exit code if it ended, and its last lines on standard error.</summary>
    private PolicyException Failure(string what)
    {
        var process = _process!;
        var ended = process.WaitForExit(TimeSpan.FromSeconds(2));
        if (ended)
        {
            process.WaitForExit();
        }

        string[] tail;
        lock (_tail)
        {
            tail = [.. _tail];
        }

        var exit = ended ? $" (exit code {process.ExitCode})" : string.Empty;
        var last = tail.Length == 0 ? string.Empty : $"; its last line on standard error: {tail[^1]}";
        return new PolicyException($"policy {PolicyName}: the process '{_command}'{exit} {what}{last}");
    }
}
