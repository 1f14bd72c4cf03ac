using System.CommandLine;
using NetSim.Network.Scenario;

namespace NetSim.Cli.Commands;

/// <summary><c>netsim validate SCENARIO</c>: reports every error at once.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var scenario = new Argument<string>("scenario") { Description = "scenario file (YAML)" };
        var set = new Option<string[]>("--set") { Description = "override a value: key.path=value (repeatable)" };
        var command = new Command("validate", "check a scenario file and report every error") { scenario, set };
        command.SetAction(parse =>
        {
            var file = parse.GetValue(scenario)!;
            var loaded = ScenarioLoader.Load(file, parse.GetValue(set) ?? []);
            if (!loaded.Ok)
            {
                Console.Error.WriteLine(loaded.Report(file));
                return ExitCodes.BadInput;
            }

            var registry = Policies.Registry();
            var c = loaded.Scenario!.Config;
            if (!registry.Contains(c.Policy.Name))
            {
                Console.Error.WriteLine($"{file}: policy: unknown policy '{c.Policy.Name}' (known: {string.Join(", ", registry.Names)})");
                return ExitCodes.BadInput;
            }

            Console.WriteLine($"{file}: ok ({c.Ues.Count} UEs, {c.BaseStations.Count} base stations, {(c.Cloud.Enabled ? "a cloud" : "no cloud")}, {c.Models.Count} models, policy {c.Policy.Name}; sha256 {loaded.Scenario.Sha256[..12]})");
            return ExitCodes.Ok;
        });
        return command;
    }
}
