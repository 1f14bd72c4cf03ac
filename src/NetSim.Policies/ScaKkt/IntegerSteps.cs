namespace NetSim.Policies.ScaKkt;

/// <summary>
/// Whole steps from the continuous optimum (ambiguity A6): a device task takes the better of
/// ⌊s⌋ and ⌈s⌉ within its limits; offloaded tasks take ⌊s⌋, which keeps eq. 1, and the whole
/// steps left in S_e^max go one each to the offloaded tasks whose cost falls most from the extra
/// step (the rounding of the separable convex resource-allocation problem).
/// </summary>
internal static class IntegerSteps
{
    /// <summary>Whole steps for <paramref name="offload"/> near the continuous <paramref name="steps"/>.</summary>
    public static int[] Round(ScaKktProblem problem, IReadOnlyList<bool> offload, IReadOnlyList<double> steps)
    {
        var least = (int)Math.Ceiling(problem.MinSteps - 1e-9);
        var result = new int[problem.Count];
        var used = 0L;
        var gains = new List<(double Gain, int Task)>();
        for (var n = 0; n < problem.Count; n++)
        {
            var at = offload[n];
            var most = (int)Math.Floor(problem.MaxSteps(n, at) + 1e-9);
            if (most < least)
            {
                throw new ArgumentException($"task {n}: no whole number of steps in [{problem.MinSteps}, {problem.MaxSteps(n, at)}]", nameof(problem));
            }

            var low = Math.Clamp((int)Math.Floor(steps[n] + 1e-9), least, most);
            var cost = problem.Costs[n];
            if (!at)
            {
                result[n] = low < most && cost.Value(false, low + 1) < cost.Value(false, low) ? low + 1 : low;
                continue;
            }

            result[n] = low;
            used += low;
            if (low < most)
            {
                var gain = cost.Value(true, low) - cost.Value(true, low + 1);
                if (gain > 0)
                {
                    gains.Add((gain, n));
                }
            }
        }

        var spare = (long)Math.Floor(problem.EdgeStepBudget + 1e-9) - used;
        if (spare <= 0 || gains.Count == 0)
        {
            return result;
        }

        gains.Sort((x, y) => y.Gain.CompareTo(x.Gain));
        for (var i = 0; i < gains.Count && i < spare; i++)
        {
            result[gains[i].Task]++;
        }

        return result;
    }
}
