using System.Text.Json;
using NetSim.Network.Scenario.Documentation;

namespace NetSim.Network.Scenario;

/// <summary>
/// The JSON Schema (draft 2020-12) and the Markdown reference of scenario files, both generated
/// from the key declarations, so that editors, docs and the loader never disagree.
/// </summary>
public static class ScenarioSchema
{
    /// <summary>The JSON Schema text (what <c>netsim schema</c> prints).</summary>
    public static string ToJson() => JsonSchemaBuilder.Build().ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    /// <summary>The Markdown reference (<c>docs/scenario-reference.md</c>; <c>netsim schema --markdown</c>).</summary>
    public static string ToMarkdown() => ReferenceWriter.Write();
}
