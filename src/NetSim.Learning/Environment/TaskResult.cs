namespace NetSim.Learning.Environment;

/// <summary>How one task of a decision epoch ended, known only once it has.</summary>
/// <param name="TaskId">The task.</param>
/// <param name="Ue">Its device.</param>
/// <param name="Latency">Seconds from creation to the result at the device; for a dropped or unfinished task, to when it ended.</param>
/// <param name="Bound">Latency bound T^u (deadline minus creation), or +infinity.</param>
/// <param name="EnergyJ">Energy spent on it, joules.</param>
/// <param name="Completed">False when dropped or unfinished at the end of the episode.</param>
public readonly record struct TaskResult(long TaskId, int Ue, double Latency, double Bound, double EnergyJ, bool Completed)
{
    /// <summary>True when the task completed within its bound.</summary>
    public bool MetBound => Completed && Latency <= Bound;
}
