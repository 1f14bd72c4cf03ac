using System.CommandLine;
using NetSim.Network.Scenario;

namespace NetSim.Cli.Commands;

/// <summary><c>netsim validate SCENARIO</c>: reports every error at once.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var scenario = new Argument<string>("scenario") { Description = "scenario file (YAML)" };
        var set = Overrides.Option();
        var command = new Command("validate", "check a scenario file and report every error") { scenario, set };
        command.SetAction(parse =>
        {
            var file = parse.GetValue(scenario)!;
            var registry = Policies.Registry();
            var loaded = ScenarioLoader.Load(file, Overrides.ResolvePaths(file, parse.GetValue(set) ?? []), policies: registry);
            if (!loaded.Ok)
            {
                Console.Error.WriteLine(loaded.Report(file));
                return ExitCodes.BadInput;
            }

            var c = loaded.Scenario!.Config;
            Console.WriteLine($"{Quote.Text(file, 300)}: ok ({c.Ues.Count} UEs, {c.BaseStations.Count} base stations, {(c.Cloud.Enabled ? "a cloud" : "no cloud")}, {c.Models.Count} models, policy {Quote.Text(c.Policy.Name)}; sha256 {loaded.Scenario.Sha256[..12]})");
            return ExitCodes.Ok;
        });
        return command;
    }
}
