using System.CommandLine;
using NetSim.Cli.Running;
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
            var loaded = ScenarioLoader.Load(file, Overrides.ResolvePaths(file, parse.GetValue(set) ?? []));
            if (!loaded.Ok)
            {
                Console.Error.WriteLine(loaded.Report(file));
                return ExitCodes.BadInput;
            }

            var registry = Policies.Registry();
            var c = loaded.Scenario!.Config;
            var policies = c.Sweep.Policies.Count > 0 ? c.Sweep.Policies : [c.Policy.Name];
            var unknown = policies.Where(p => !registry.Contains(p)).ToList();
            if (unknown.Count > 0)
            {
                var key = c.Sweep.Policies.Count > 0 ? "sweep.policies" : "policy";
                Console.Error.WriteLine($"{file}: {key}: unknown polic{(unknown.Count == 1 ? "y" : "ies")} {string.Join(", ", unknown.Select(u => $"'{u}'"))} (known: {string.Join(", ", registry.Names)})");
                return ExitCodes.BadInput;
            }

            if (Simulations.CheckShared(loaded.Scenario, registry, policies) is { } inputError)
            {
                Console.Error.WriteLine($"{file}: {inputError}");
                return ExitCodes.BadInput;
            }

            Console.WriteLine($"{file}: ok ({c.Ues.Count} UEs, {c.BaseStations.Count} base stations, {(c.Cloud.Enabled ? "a cloud" : "no cloud")}, {c.Models.Count} models, policy {c.Policy.Name}; sha256 {loaded.Scenario.Sha256[..12]})");
            return ExitCodes.Ok;
        });
        return command;
    }
}
