using NetSim.Plots.Data;
using NetSim.Plots.Figures;

namespace NetSim.Plots.Building;

/// <summary>Splits runs into series by the figure's fields and names them, each series by a label of its own.</summary>
internal static class SeriesGroups
{
    /// <summary>
    /// Groups in legend order: the figure's policy order first, then first appearance. Labels are
    /// unique: groups whose label (from the figure's template) is shared by another group are named
    /// by all of their fields instead, each with its value.
    /// </summary>
    public static List<(string Label, List<RunData> Runs)> Of(IReadOnlyList<RunData> runs, FigureSpec spec)
    {
        var groups = runs.GroupBy(r => spec.Baselines.Contains(r.Row.Policy) ? r.Row.Policy : string.Join('\u001f', spec.By.Select(r.Field)), StringComparer.Ordinal)
            .Select(g => g.ToList())
            .OrderBy(g => spec.Policies.Count == 0 ? 0 : IndexOf(spec.Policies, g[0].Row.Policy))
            .ThenBy(g => g[0].Row.RunId)
            .ToList();
        var labels = groups.Select(g => Label(g[0], spec)).ToList();
        var shared = labels.GroupBy(l => l, StringComparer.Ordinal).Where(l => l.Count() > 1).Select(l => l.Key).ToHashSet(StringComparer.Ordinal);
        return groups.Select((g, i) => (shared.Contains(labels[i]) ? Fields(g[0], spec) : labels[i], g)).ToList();
    }

    /// <summary>The series label of a run's group.</summary>
    public static string Label(RunData run, FigureSpec spec)
    {
        if (spec.Baselines.Contains(run.Row.Policy))
        {
            return PolicyNames.Display(run.Row.Policy);
        }

        if (spec.SeriesLabel is { } template)
        {
            var text = template.Replace("{policy}", PolicyNames.Display(run.Row.Policy), StringComparison.Ordinal);
            foreach (var field in spec.By.Where(f => f != "policy"))
            {
                text = text.Replace($"{{{field}}}", run.Field(field), StringComparison.Ordinal);
            }

            return text.Trim();
        }

        return Fields(run, spec);
    }

    /// <summary>Every grouping field of a run: the policy's legend name and "name = value" for each parameter it has.</summary>
    private static string Fields(RunData run, FigureSpec spec)
    {
        var fields = spec.Baselines.Contains(run.Row.Policy) ? ["policy"] : spec.By;
        return string.Join(", ", fields.Select(f => f == "policy" ? PolicyNames.Display(run.Row.Policy) : run.Field(f).Length > 0 ? $"{ParameterLabel.Name(f)} = {run.Field(f)}" : string.Empty).Where(s => s.Length > 0));
    }

    private static int IndexOf(IReadOnlyList<string> list, string item)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == item)
            {
                return i;
            }
        }

        return list.Count;
    }
}
