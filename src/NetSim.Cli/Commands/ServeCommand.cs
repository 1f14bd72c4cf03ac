using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using NetSim.Cli.Serving;
using NetSim.Learning.Agents;
using NetSim.Network.Scenario;

namespace NetSim.Cli.Commands;

/// <summary>
/// <c>netsim serve SCENARIO</c>: runs environments of the scenario's world for one client process
/// (the Python package <c>netsim_gym</c>), speaking the binary protocol of docs/python.md over
/// standard input and output, or over a localhost TCP socket with <c>--port</c>. The session ends
/// when the client closes it or disappears (exit 0).
/// </summary>
internal static class ServeCommand
{
    /// <summary>The scenario's <c>policy.options</c> keys that shape the reward (<see cref="CostModel"/>).</summary>
    private static readonly string[] CostKeys = ["time_scale", "penalty", "energy_weight", "energy_scale", "drop_penalty"];

    public static Command Create()
    {
        var scenario = new Argument<string>("scenario") { Description = "scenario file (YAML)" };
        var set = Overrides.Option();
        var envs = new Option<int>("--envs") { Description = "environments served, stepped together (vectorised use)", DefaultValueFactory = _ => 1 };
        var port = new Option<int?>("--port") { Description = "serve one client on 127.0.0.1:PORT instead of standard input and output (0: a free port, printed on standard error)" };
        var stats = new Option<bool>("--stats") { Description = "at the end, say on standard error how many steps and resets ran and the seconds spent simulating, encoding observations and on the rest" };
        var command = new Command("serve", "serve environments of a scenario to a Python client (docs/python.md)") { scenario, set, envs, port, stats };
        command.SetAction(parse => Execute(parse.GetValue(scenario)!, parse.GetValue(set) ?? [], parse.GetValue(envs), parse.GetValue(port), parse.GetValue(stats)));
        return command;
    }

    private static int Execute(string file, string[] overrides, int envs, int? port, bool stats)
    {
        if (envs is < 1 or > 4096)
        {
            Console.Error.WriteLine($"netsim serve: --envs {envs}: expected 1 to 4096");
            return ExitCodes.BadInput;
        }

        if (port is < 0 or > 65535)
        {
            Console.Error.WriteLine($"netsim serve: --port {port}: expected 0 to 65535");
            return ExitCodes.BadInput;
        }

        var loaded = ScenarioLoader.Load(file, Overrides.ResolvePaths(file, overrides));
        if (!loaded.Ok)
        {
            Console.Error.WriteLine(loaded.Report(file));
            return ExitCodes.BadInput;
        }

        var s = loaded.Scenario!;
        var options = s.Config.Policy.Options
            .Where(kv => CostKeys.Contains(kv.Key))
            .ToDictionary(kv => kv.Key, kv => (object?)kv.Value.Value);
        var reader = new OptionReader("serve", options);
        CostModel cost;
        try
        {
            cost = CostModel.Read(reader, clip: double.MaxValue);
            reader.Check();
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine($"netsim serve: {file}: {ex.Message}");
            return ExitCodes.BadInput;
        }

        var spec = ScenarioMapper.ToSpec(s, s.Config.Seed);
        var hello = new Dictionary<string, object> { ["scenario"] = s.Name, ["sha256"] = s.Sha256, ["seed"] = s.Config.Seed };
        var server = new EnvironmentServer(spec, envs, s.Config.Seed, cost, hello) { Stats = stats };
        if (port is not { } p)
        {
            // Buffered input: a request's length and body in one system call; each reply is written whole and flushed.
            using var input = new BufferedStream(Console.OpenStandardInput(), 1 << 16);
            using var output = Console.OpenStandardOutput();
            return server.Serve(input, output);
        }

        using var listener = new TcpListener(IPAddress.Loopback, p);
        try
        {
            listener.Start(1);
        }
        catch (SocketException ex)
        {
            Console.Error.WriteLine($"netsim serve: --port {p}: {ex.Message}");
            return ExitCodes.BadInput;
        }

        Console.Error.WriteLine($"netsim serve: listening on 127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}");
        using var client = listener.AcceptTcpClient();
        listener.Stop();
        client.NoDelay = true;
        using var stream = client.GetStream();
        using var buffered = new BufferedStream(stream, 1 << 16);
        try
        {
            return server.Serve(buffered, stream);
        }
        catch (IOException)
        {
            // The client reset the connection: it is gone, as at end of stream.
            return ExitCodes.Ok;
        }
    }
}
