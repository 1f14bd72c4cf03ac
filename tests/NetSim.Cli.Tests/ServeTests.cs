using System.Buffers.Binary;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using NetSim.Traces;

namespace NetSim.Cli.Tests;

/// <summary><c>netsim serve</c> through its protocol (docs/python.md), as a client process speaks it.</summary>
public class ServeTests
{
    /// <summary>Zhou et al.'s world with two UEs: each slot's tasks run alone, so an all-local task takes exactly 50 MFLOP / 300 MFLOPS.</summary>
    private static readonly string[] TwoUes = ["--set", "ues.count=2"];

    private static string Zhou => Path.Combine(Netsim.Root, "scenarios", "papers", "zhou2024", "zhou2024.yaml");

    [Fact]
    public void Given_a_scenario_When_served_Then_the_handshake_reports_the_version_the_run_hash_and_the_spaces()
    {
        using var netsim = new Netsim();
        var run = netsim.Run(["run", Zhou, .. TwoUes, "--out", "r.db", "--policy", "local"]);
        Assert.True(run.Exit == 0, run.Err);
        using var reader = new TraceReader(netsim.File("r.db"));

        using var client = new Client(netsim, [Zhou, .. TwoUes]);

        Assert.Equal(1, client.Version);
        Assert.Equal(reader.Runs()[0].ScenarioSha256, client.Hello.GetProperty("sha256").GetString());
        // Two devices; a row is 5 task and device features plus 7 per station (5 stations, no cloud).
        Assert.Equal([2, 5 + (7 * 5)], client.Hello.GetProperty("observation").GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()));
        // Local, then the five edges: 6 choices per device.
        Assert.Equal([6, 6], client.Hello.GetProperty("action").GetProperty("nvec").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal("edge:4", client.Hello.GetProperty("action").GetProperty("targets")[5].GetString());
        Assert.Equal(0, client.Close());
    }

    [Fact]
    public void Given_all_local_actions_Then_every_step_earns_minus_the_closed_form_cost_and_the_episode_terminates_after_its_20_slots()
    {
        using var netsim = new Netsim();
        using var client = new Client(netsim, [Zhou, .. TwoUes]);

        var (observation, info) = client.Reset(0, 3);
        // Each task alone on its device: latency 50 MFLOP / 300 MFLOPS = 1/6 s, which misses the
        // 15 ms bound, so its cost is (1/6) / 10 ms + 1 (the default cost model), for both tasks.
        var cost = ((50e6 / 300e6) / 0.01) + 1;
        Assert.Equal([1.0, 1.0], [observation[0], observation[40]]);
        Assert.Equal(0, info[5]);
        var steps = 0;
        while (true)
        {
            var step = client.Step(false, 0, 0);
            steps++;
            // Epoch e's tasks end at e + 1/6 s, within the step that runs from epoch e to e + 1.
            Assert.Equal(-cost, step.Rewards[0], 9);
            if (step.Terminated[0])
            {
                Assert.False(step.Truncated[0]);
                Assert.Equal(-1, step.Infos[5]);
                Assert.All(step.Observations, x => Assert.Equal(0, x));
                break;
            }

            Assert.Equal(steps, step.Infos[5]);
            Assert.True(steps < 20, "no end after the 20 slots");
        }

        Assert.Equal(20, steps);
        var tasks = client.Tasks(0);
        Assert.Equal(40, tasks.Count);
        Assert.All(tasks, t => Assert.Equal(50e6 / 300e6, t.Latency, 12));
        Assert.Equal(0, client.Close());
    }

    [Fact]
    public void Given_bad_messages_Then_each_gets_an_error_naming_what_was_wrong_and_the_session_goes_on()
    {
        using var netsim = new Netsim();
        using var client = new Client(netsim, [Zhou, .. TwoUes]);

        Assert.Contains("unknown message type 0x07", client.Error(0x07, []), StringComparison.Ordinal);
        Assert.Contains("has no episode: reset it first", client.Error(0x02, StepBody(false, 0, 0)), StringComparison.Ordinal);
        Assert.Contains("reset: 3 body bytes, expected at least 17", client.Error(0x01, [1, 2, 3]), StringComparison.Ordinal);
        Assert.Contains("unknown option 'colour'", client.Error(0x01, ResetBody(0, 1, """{"colour": 1}""")), StringComparison.Ordinal);
        Assert.Contains("options are not JSON", client.Error(0x01, ResetBody(0, 1, "{")), StringComparison.Ordinal);
        Assert.Contains("environment 5: expected -1 (all) or 0 to 0", client.Error(0x01, ResetBody(5, 1, string.Empty)), StringComparison.Ordinal);
        client.Reset(0, 1);
        Assert.Contains("device 1: action 6 out of range 0..5", client.Error(0x02, StepBody(false, 0, 6)), StringComparison.Ordinal);
        Assert.Contains("step: 5 body bytes, expected 9", client.Error(0x02, StepBody(false, 0)), StringComparison.Ordinal);
        Assert.Contains("tasks: environment -1", client.Error(0x03, BitConverter.GetBytes(-1)), StringComparison.Ordinal);
        Assert.Contains("tasks: episode 2: expected 0 (the current one) or 1 (the one before it)", client.Error(0x03, [0, 0, 0, 0, 2]), StringComparison.Ordinal);
        Assert.Contains("tasks: 6 body bytes, expected 4 (int32 env) or 5", client.Error(0x03, [0, 0, 0, 0, 0, 0]), StringComparison.Ordinal);
        Assert.Contains("close: 1 body bytes", client.Error(0x04, [0]), StringComparison.Ordinal);

        // None of that moved the episode: it is still at its first epoch.
        Assert.Equal(1, client.Step(false, 0, 0).Infos[5]);
        Assert.Equal(0, client.Close());
    }

    [Fact]
    public void Given_a_frame_length_beyond_the_limit_Then_an_error_and_exit_2_rather_than_waiting_for_the_bytes()
    {
        using var netsim = new Netsim();
        using var client = new Client(netsim, [Zhou, .. TwoUes]);

        client.SendHeader(uint.MaxValue);

        var (type, body) = client.Read();
        Assert.Equal(0xFF, type);
        Assert.Contains("frame length 4294967295", Encoding.UTF8.GetString(body), StringComparison.Ordinal);
        Assert.Equal(2, client.Exit());
    }

    [Fact]
    public void Given_a_client_that_disappears_mid_session_or_mid_frame_Then_the_server_exits_0()
    {
        using var netsim = new Netsim();
        using (var client = new Client(netsim, [Zhou, .. TwoUes]))
        {
            client.Reset(0, 1);
            client.EndInput();
            Assert.Equal(0, client.Exit());
        }

        using (var client = new Client(netsim, [Zhou, .. TwoUes]))
        {
            client.SendHeader(100);
            client.EndInput();
            Assert.Equal(0, client.Exit());
        }
    }

    [Fact]
    public void Given_three_environments_Then_environment_i_of_a_reset_with_seed_s_is_the_world_of_seed_s_plus_i_and_autoreset_starts_the_next_episode()
    {
        using var netsim = new Netsim();
        using var three = new Client(netsim, [Zhou, .. TwoUes, "--envs", "3"]);
        using var one = new Client(netsim, [Zhou, .. TwoUes]);

        var (all, infos) = three.Reset(-1, 10);
        var (single, _) = one.Reset(0, 12);

        Assert.Equal(3 * 80, all.Length);
        Assert.Equal(single, all[160..240]);
        Assert.NotEqual(all[..80], all[80..160]);
        Assert.Equal(3 * 9, infos.Length);
        // Step every environment to the end of its episode with autoreset: the 20th step reports the
        // end and the first observation of the next episode.
        for (var s = 1; s <= 20; s++)
        {
            var step = three.Step(true, 0, 0, 0, 0, 0, 0);
            Assert.Equal(Enumerable.Repeat(s == 20, 3), step.Terminated);
            if (s == 20)
            {
                Assert.Equal([1.0, 1.0, 1.0], [step.Observations[0], step.Observations[80], step.Observations[160]]);
            }
        }

        Assert.Equal(0, one.Close());
        Assert.Equal(0, three.Close());
    }

    private static byte[] ResetBody(int env, ulong seed, string options)
    {
        var json = Encoding.UTF8.GetBytes(options);
        var body = new byte[17 + json.Length];
        BinaryPrimitives.WriteInt32LittleEndian(body, env);
        body[4] = 1;
        BinaryPrimitives.WriteUInt64LittleEndian(body.AsSpan(5), seed);
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(13), (uint)json.Length);
        json.CopyTo(body, 17);
        return body;
    }

    private static byte[] StepBody(bool autoreset, params int[] actions)
    {
        var body = new byte[1 + (4 * actions.Length)];
        body[0] = (byte)(autoreset ? 1 : 0);
        for (var i = 0; i < actions.Length; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(body.AsSpan(1 + (4 * i)), actions[i]);
        }

        return body;
    }

    private sealed record StepReply(double[] Rewards, double[] Infos, double[] Observations, bool[] Terminated, bool[] Truncated);

    private sealed record EndedTask(long Id, double Latency);

    /// <summary>A <c>netsim serve</c> process and the client end of its standard input and output.</summary>
    private sealed class Client : IDisposable
    {
        private readonly Process _process;
        private readonly Stream _in;
        private readonly Stream _out;
        private readonly int _envs;
        private readonly int _devices;
        private readonly int _size;

        public Client(Netsim netsim, string[] args)
        {
            var info = new ProcessStartInfo("dotnet") { WorkingDirectory = netsim.WorkDir, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in (string[])[Path.Combine(AppContext.BaseDirectory, "netsim.dll"), "serve", .. args])
            {
                info.ArgumentList.Add(a);
            }

            _process = Process.Start(info)!;
            _process.ErrorDataReceived += (_, _) => { };
            _process.BeginErrorReadLine();
            _in = _process.StandardOutput.BaseStream;
            _out = _process.StandardInput.BaseStream;
            var (type, body) = Read();
            Assert.Equal(0x80, type);
            Assert.Equal("NSIM", Encoding.ASCII.GetString(body, 0, 4));
            Version = BinaryPrimitives.ReadUInt16LittleEndian(body.AsSpan(4));
            var length = (int)BinaryPrimitives.ReadUInt32LittleEndian(body.AsSpan(6));
            Hello = JsonDocument.Parse(body.AsMemory(10, length)).RootElement.Clone();
            _envs = Hello.GetProperty("envs").GetInt32();
            _devices = Hello.GetProperty("devices").GetInt32();
            _size = Hello.GetProperty("observation").GetProperty("shape").EnumerateArray().Aggregate(1, (a, e) => a * e.GetInt32());
        }

        public int Version { get; }

        public JsonElement Hello { get; }

        public (double[] Observations, double[] Infos) Reset(int env, ulong seed)
        {
            var body = Request(0x01, ResetBody(env, seed, string.Empty));
            var count = env < 0 ? _envs : 1;
            return (Doubles(body, 0, count * _size), Doubles(body, 8 * count * _size, count * 9));
        }

        public StepReply Step(bool autoreset, params int[] actions)
        {
            Assert.Equal(_envs * _devices, actions.Length);
            var body = Request(0x02, StepBody(autoreset, actions));
            var n = _envs;
            var flags = body.AsSpan(8 * (n + (n * 9) + (n * _size)));
            Assert.Equal(2 * n, flags.Length);
            return new StepReply(
                Doubles(body, 0, n),
                Doubles(body, 8 * n, n * 9),
                Doubles(body, 8 * (n + (n * 9)), n * _size),
                flags[..n].ToArray().Select(b => b == 1).ToArray(),
                flags[n..].ToArray().Select(b => b == 1).ToArray());
        }

        public List<EndedTask> Tasks(int env)
        {
            var body = Request(0x03, BitConverter.GetBytes(env));
            var c = (int)BinaryPrimitives.ReadUInt32LittleEndian(body);
            var latency = Doubles(body, 4 + (12 * c), c);
            return Enumerable.Range(0, c).Select(i => new EndedTask(BinaryPrimitives.ReadInt64LittleEndian(body.AsSpan(4 + (8 * i))), latency[i])).ToList();
        }

        public string Error(byte type, byte[] body)
        {
            Send(type, body);
            var (reply, text) = Read();
            Assert.Equal(0xFF, reply);
            return Encoding.UTF8.GetString(text);
        }

        public int Close()
        {
            Assert.Empty(Request(0x04, []));
            return Exit();
        }

        public void SendHeader(uint length)
        {
            var header = new byte[4];
            BinaryPrimitives.WriteUInt32LittleEndian(header, length);
            _out.Write(header);
            _out.Flush();
        }

        public void EndInput() => _out.Close();

        public int Exit()
        {
            Assert.True(_process.WaitForExit(60_000), "netsim serve did not exit within 60 s");
            return _process.ExitCode;
        }

        public (int Type, byte[] Body) Read()
        {
            var header = new byte[5];
            _in.ReadExactly(header);
            var body = new byte[BinaryPrimitives.ReadUInt32LittleEndian(header) - 1];
            _in.ReadExactly(body);
            return (header[4], body);
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit();
            }

            _process.Dispose();
        }

        private static double[] Doubles(byte[] body, int at, int count) =>
            Enumerable.Range(0, count).Select(i => BinaryPrimitives.ReadDoubleLittleEndian(body.AsSpan(at + (8 * i)))).ToArray();

        private byte[] Request(byte type, byte[] body)
        {
            Send(type, body);
            var (reply, text) = Read();
            Assert.True(reply == (type | 0x80), reply == 0xFF ? Encoding.UTF8.GetString(text) : $"reply type 0x{reply:x2}");
            return text;
        }

        private void Send(byte type, byte[] body)
        {
            var frame = new byte[5 + body.Length];
            BinaryPrimitives.WriteUInt32LittleEndian(frame, (uint)(body.Length + 1));
            frame[4] = type;
            body.CopyTo(frame, 5);
            _out.Write(frame);
            _out.Flush();
        }
    }
}
