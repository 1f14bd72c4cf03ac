using NetSim.Plots.Data;
using NetSim.Plots.Figures;

namespace NetSim.Plots.Building;

/// <summary>Splits runs into series by the figure's fields and names them.</summary>
internal static class SeriesGroups
{
    /// <summary>Groups in legend order: the figure's policy order first, then first appearance.</summary>
    public static List<(string Label, List<RunData> Runs)> Of(IReadOnlyList<RunData> runs, FigureSpec spec)
    {
        var groups = runs.GroupBy(r => spec.Baselines.Contains(r.Row.Policy) ? r.Row.Policy : string.Join('\u001f', spec.By.Select(r.Field)), StringComparer.Ordinal)
            .Select(g => g.ToList())
            .OrderBy(g => spec.Policies.Count == 0 ? 0 : IndexOf(spec.Policies, g[0].Row.Policy))
            .ThenBy(g => g[0].Row.RunId)
            .ToList();
        return groups.Select(g => (Label(g[0], spec), g)).ToList();
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

        return string.Join(", ", spec.By.Select(f => f == "policy" ? PolicyNames.Display(run.Row.Policy) : run.Field(f).Length > 0 ? $"{f} = {run.Field(f)}" : string.Empty).Where(s => s.Length > 0));
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
