using System.CommandLine;
using NetSim.Network.Scenario;

namespace NetSim.Cli.Commands;

/// <summary><c>netsim schema</c>: the JSON Schema of scenario files (or the Markdown reference).</summary>
internal static class SchemaCommand
{
    public static Command Create()
    {
        var markdown = new Option<bool>("--markdown") { Description = "print the Markdown key reference instead" };
        var command = new Command("schema", "print the JSON Schema of scenario files, for YAML-aware editors") { markdown };
        command.SetAction(parse =>
        {
            Console.Write(parse.GetValue(markdown) ? ScenarioSchema.ToMarkdown() : ScenarioSchema.ToJson() + "\n");
            return ExitCodes.Ok;
        });
        return command;
    }
}
