namespace NetSim.Policies.ScaKkt;

/// <summary>
/// What the solves of one <c>sca-kkt</c> run came to (one solve per edge server's group per decision
/// epoch): figures for the run's summary, none of them wall-clock.
/// </summary>
public sealed class ScaKktLog
{
    private long _solves;
    private long _tasks;
    private long _offloaded;
    private long _flips;
    private double _wholeSum;
    private double _paperSum;

    /// <summary>
    /// <c>solves</c>; <c>joint_objective</c>, the mean over the solves of P1's objective (eq. 8) at
    /// the offloading and whole steps that ran; <c>paper_objective</c>, the mean of P1's objective at
    /// Algorithm 3's rounded answer before the flip search (the paper's algorithm alone);
    /// <c>offload_rate</c>, the fraction of tasks sent to the edge; <c>flips</c>, single flips the
    /// search accepted in all. Zero before the first solve.
    /// </summary>
    public IReadOnlyDictionary<string, double> Metrics => new Dictionary<string, double>
    {
        ["solves"] = _solves,
        ["joint_objective"] = _solves == 0 ? 0 : _wholeSum / _solves,
        ["paper_objective"] = _solves == 0 ? 0 : _paperSum / _solves,
        ["offload_rate"] = _tasks == 0 ? 0 : (double)_offloaded / _tasks,
        ["flips"] = _flips,
    };

    /// <summary>Records one solve.</summary>
    public void Add(ScaKktSolution solution)
    {
        ArgumentNullException.ThrowIfNull(solution);
        _solves++;
        _tasks += solution.Offload.Length;
        _offloaded += solution.Offload.Count(a => a);
        _flips += solution.Flips;
        _wholeSum += solution.WholeObjective;
        _paperSum += solution.PaperObjective;
    }
}
