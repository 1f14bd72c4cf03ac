using System.CommandLine;
using NetSim.Network.Scenario;
using NetSim.Traces;

namespace NetSim.Cli.Commands;

/// <summary><c>netsim schema</c>: the JSON Schema of scenario files (or their Markdown reference, or the trace database's).</summary>
internal static class SchemaCommand
{
    public static Command Create()
    {
        var markdown = new Option<bool>("--markdown") { Description = "print the Markdown key reference instead" };
        var traces = new Option<bool>("--traces") { Description = "print the trace database's tables and columns (docs/trace-schema.md) instead" };
        var command = new Command("schema", "print the JSON Schema of scenario files, for YAML-aware editors") { markdown, traces };
        command.SetAction(parse =>
        {
            if (parse.GetValue(markdown) && parse.GetValue(traces))
            {
                Console.Error.WriteLine("netsim schema: --markdown and --traces print different documents; give one");
                return ExitCodes.BadInput;
            }

            Console.Write(parse.GetValue(traces) ? TraceTables.ToMarkdown() : parse.GetValue(markdown) ? ScenarioSchema.ToMarkdown() : ScenarioSchema.ToJson() + "\n");
            return ExitCodes.Ok;
        });
        return command;
    }
}
