namespace NetSim.Policies.ScaKkt;

/// <summary>What <see cref="ScaKktSolver"/> found for one instance of P1.</summary>
/// <param name="Offload">a_n: true to offload task n to the edge server.</param>
/// <param name="Steps">s_n, continuous as in the paper's P1, optimal for <paramref name="Offload"/>.</param>
/// <param name="Objective">P1's objective (eq. 8) at (<paramref name="Offload"/>, <paramref name="Steps"/>).</param>
/// <param name="WholeSteps">s_n rounded to whole steps (what a simulated task runs).</param>
/// <param name="WholeObjective">P1's objective at (<paramref name="Offload"/>, <paramref name="WholeSteps"/>).</param>
/// <param name="Relaxed">a_n where Algorithm 3 stopped, before rounding to {0, 1}.</param>
/// <param name="OuterIterations">SCA iterations of Algorithm 3 run.</param>
/// <param name="InnerIterations">Sub-problems solved by Algorithm 2, over all iterations of Algorithm 1.</param>
/// <param name="PaperObjective">P1's objective at Algorithm 3's rounded answer with exact steps, before the flip search.</param>
/// <param name="Flips">Single flips the search after Algorithm 3 accepted.</param>
public sealed record ScaKktSolution(
    bool[] Offload,
    double[] Steps,
    double Objective,
    int[] WholeSteps,
    double WholeObjective,
    double[] Relaxed,
    int OuterIterations,
    int InnerIterations,
    double PaperObjective,
    int Flips);
