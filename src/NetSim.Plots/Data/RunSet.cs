using System.Text.Json;
using NetSim.Traces;

namespace NetSim.Plots.Data;

/// <summary>The complete runs of a trace database, filtered by parameter values and policies.</summary>
public static class RunSet
{
    /// <summary>
    /// Complete runs whose parameters match every <paramref name="filters"/> entry and whose policy
    /// is among <paramref name="policies"/> (all when empty). Throws <see cref="MissingDataException"/>
    /// naming the policy or filter that matched no run.
    /// </summary>
    public static IReadOnlyList<RunData> Load(TraceReader reader, IReadOnlyDictionary<string, string> filters, IReadOnlyList<string> policies)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var runs = reader.CompleteRuns().Select(r => new RunData(r, Params(r.Params), reader.Summary(r.RunId), () => reader.ScenarioYaml(r.RunId))).ToList();
        if (runs.Count == 0)
        {
            throw new MissingDataException($"{reader.Source} has no complete run");
        }

        foreach (var (key, value) in filters)
        {
            var matching = runs.Where(r => r.Value(key) == value).ToList();
            if (matching.Count == 0)
            {
                var seen = runs.Select(r => r.Value(key)).Where(v => v is not null).Distinct().ToList();
                throw new MissingDataException(seen.Count == 0
                    ? $"{reader.Source}: no run has a value of '{key}' in its params or scenario"
                    : $"{reader.Source}: no run has {key} = {value} (runs have {string.Join(", ", seen)})");
            }

            runs = matching;
        }

        if (policies.Count > 0)
        {
            var missing = policies.Where(p => runs.All(r => r.Row.Policy != p)).ToList();
            if (missing.Count > 0)
            {
                throw new MissingDataException($"{reader.Source}: no complete run of polic{(missing.Count == 1 ? "y" : "ies")} {string.Join(", ", missing.Select(m => $"'{m}' ({PolicyNames.Display(m)})"))}{Filtered(filters)}");
            }

            runs = runs.Where(r => policies.Contains(r.Row.Policy)).ToList();
        }

        return runs;
    }

    /// <summary>The params column as key path to text.</summary>
    public static IReadOnlyDictionary<string, string> Params(string json)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(json))
        {
            return result;
        }

        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return result;
        }

        foreach (var property in document.RootElement.EnumerateObject())
        {
            result[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
        }

        return result;
    }

    private static string Filtered(IReadOnlyDictionary<string, string> filters) =>
        filters.Count == 0 ? string.Empty : $" with {string.Join(", ", filters.Select(f => $"{f.Key} = {f.Value}"))}";
}
