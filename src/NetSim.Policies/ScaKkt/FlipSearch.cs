namespace NetSim.Policies.ScaKkt;

/// <summary>
/// Beyond the paper (ambiguity A8): first-improvement local search over single flips of a_n
/// (device to edge or back), each candidate scored by P1's exact objective with the steps
/// re-optimised by <see cref="StepAllocator"/>. It starts from Algorithm 3's rounded answer and
/// stops when no single flip lowers the objective or after <c>maxPasses</c> passes, so it can only
/// improve on the paper's answer.
/// </summary>
internal static class FlipSearch
{
    /// <summary>Improves <paramref name="offload"/> in place; returns the number of accepted flips.</summary>
    public static int Improve(ScaKktProblem problem, bool[] offload, int maxPasses)
    {
        var steps = StepAllocator.Allocate(problem, offload);
        var trial = (double[])steps.Clone();
        var current = problem.Objective(offload, steps);
        var accepted = 0;
        for (var pass = 0; pass < maxPasses; pass++)
        {
            var improved = false;
            for (var n = 0; n < problem.Count; n++)
            {
                offload[n] = !offload[n];
                if (!StepAllocator.Fits(problem, offload))
                {
                    offload[n] = !offload[n];
                    continue;
                }

                Array.Copy(steps, trial, steps.Length);
                var value = StepAllocator.Allocate(problem, offload, trial);
                if (value < current - (1e-12 * Math.Max(1, Math.Abs(current))))
                {
                    current = value;
                    Array.Copy(trial, steps, steps.Length);
                    improved = true;
                    accepted++;
                }
                else
                {
                    offload[n] = !offload[n];
                }
            }

            if (!improved)
            {
                break;
            }
        }

        return accepted;
    }
}
