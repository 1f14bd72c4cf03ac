namespace NetSim.Policies.Optimal;

/// <summary>
/// The options of an <see cref="EpochProblem"/> a solver needs to consider: each task's local
/// option when its cost is finite, and per server and count k the tasks whose cost there is finite
/// and, for monotone problems, no higher than running locally (see <see cref="CpSatSolver"/> for why
/// that loses no optimum). Counts that fewer than k tasks could fill are dropped.
/// </summary>
internal sealed class OptionSet
{
    private OptionSet(int tasks)
    {
        LocalAllowed = new bool[tasks];
    }

    /// <summary>Whether each task may run locally.</summary>
    public bool[] LocalAllowed { get; }

    /// <summary>Whether every task may run locally (the all-local assignment is feasible).</summary>
    public bool AllLocalFeasible { get; private set; }

    /// <summary>A task with no option at all, or -1.</summary>
    public int Unassignable { get; private set; } = -1;

    /// <summary>The largest finite cost of any option kept, seconds.</summary>
    public double MaxCost { get; private set; }

    /// <summary>Per server and count k, the tasks that may be among the k on that server.</summary>
    public List<(int Edge, int Count, List<int> Members)> Counts { get; } = new();

    /// <summary>Enumerates the options of <paramref name="problem"/>.</summary>
    public static OptionSet Of(EpochProblem problem)
    {
        var tasks = problem.TaskCount;
        var set = new OptionSet(tasks);
        var hasOption = new bool[tasks];
        set.AllLocalFeasible = true;
        for (var u = 0; u < tasks; u++)
        {
            var cost = problem.LocalCost(u);
            set.LocalAllowed[u] = double.IsFinite(cost);
            hasOption[u] = set.LocalAllowed[u];
            set.AllLocalFeasible &= set.LocalAllowed[u];
            if (set.LocalAllowed[u])
            {
                set.MaxCost = Math.Max(set.MaxCost, cost);
            }
        }

        for (var m = 0; m < problem.EdgeCount; m++)
        {
            for (var k = 1; k <= tasks; k++)
            {
                var members = new List<int>();
                for (var u = 0; u < tasks; u++)
                {
                    var cost = problem.EdgeCost(u, m, k);
                    var pruned = problem.IsMonotone && set.LocalAllowed[u] && cost > problem.LocalCost(u);
                    if (double.IsFinite(cost) && !pruned)
                    {
                        members.Add(u);
                    }
                }

                if (members.Count < k)
                {
                    continue;
                }

                foreach (var u in members)
                {
                    hasOption[u] = true;
                    set.MaxCost = Math.Max(set.MaxCost, problem.EdgeCost(u, m, k));
                }

                set.Counts.Add((m, k, members));
            }
        }

        set.Unassignable = Array.IndexOf(hasOption, false);
        return set;
    }
}
