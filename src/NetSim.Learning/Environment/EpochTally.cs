namespace NetSim.Learning.Environment;

/// <summary>The results gathered so far for one decision epoch's tasks.</summary>
internal sealed class EpochTally(int epoch, int tasks)
{
    private readonly Dictionary<long, (int Ue, double Created, double Bound)> _open = new();

    public int Epoch { get; } = epoch;

    public List<TaskResult> Results { get; } = new(tasks);

    public bool IsComplete => Results.Count == tasks;

    public bool Settled { get; set; }

    public void Add(in TaskResult result) => Results.Add(result);

    /// <summary>Remembers what an unfinished task's result needs.</summary>
    public void Open(long taskId, int ue, double created, double bound) => _open[taskId] = (ue, created, bound);

    /// <summary>The result of a task still alive when the episode ended at <paramref name="now"/>.</summary>
    public TaskResult Unfinished(long taskId, double now)
    {
        var (ue, created, bound) = _open[taskId];
        return new TaskResult(taskId, ue, now - created, bound, 0, false);
    }
}
