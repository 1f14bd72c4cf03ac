using NetSim.Network.Scenario.Yaml;
using NetSim.Traces;

namespace NetSim.Plots.Data;

/// <summary>A complete run with its parameters (runs.params), summary metrics and resolved scenario.</summary>
public sealed class RunData
{
    private readonly Lazy<Node?> _scenario;

    /// <summary>A run; <paramref name="scenarioYaml"/> is read only when a value is not among the params.</summary>
    public RunData(RunRow row, IReadOnlyDictionary<string, string> parameters, IReadOnlyDictionary<string, double> summary, Func<string?> scenarioYaml)
    {
        Row = row;
        Params = parameters;
        Summary = summary;
        _scenario = new Lazy<Node?>(() => ScenarioValues.Parse(scenarioYaml()));
    }

    /// <summary>The runs row.</summary>
    public RunRow Row { get; }

    /// <summary>Swept and overridden values by key path, as YAML text.</summary>
    public IReadOnlyDictionary<string, string> Params { get; }

    /// <summary>Summary metrics.</summary>
    public IReadOnlyDictionary<string, double> Summary { get; }

    /// <summary>The value of <paramref name="key"/>: from the params, else from the resolved scenario (see <see cref="ScenarioValues"/>); null when neither has it.</summary>
    public string? Value(string key) => Params.TryGetValue(key, out var v) ? v : ScenarioValues.Lookup(_scenario.Value, key);

    /// <summary>The value of grouping field <paramref name="field"/>: <c>policy</c> or a key (empty when the run lacks it).</summary>
    public string Field(string field) => field == "policy" ? Row.Policy : Value(field) ?? string.Empty;
}
