using NetSim.Network.Scenario.Units;

namespace NetSim.Network.Scenario.Config;

/// <summary><c>base_stations.admission:</c> when an edge server refuses a task, and what the task does then.</summary>
public sealed class AdmissionConfig
{
    /// <summary>Capacity in tasks.</summary>
    [Param("most tasks an edge server holds (admitted and not yet computed there: uploading, waiting for the model, queued or in service); one more is refused (capacity)", Min = 0, Max = 1_000_000_000, NoLimit = "unlimited")]
    public int QueueTasks { get; set; } = int.MaxValue;

    /// <summary>Capacity in work.</summary>
    [Param("most work an edge server holds (the same tasks' remaining work) with the new task's own; more is refused (capacity)", Unit = UnitKind.Work, Min = 0, NoLimit = "unlimited")]
    public double QueueWork { get; set; } = double.PositiveInfinity;

    /// <summary>Deadline check.</summary>
    [Param("refuse a task whose estimated finish at the edge misses its deadline: work ahead / (core rate * cores) + own work / core rate > time left (deadline)")]
    public bool Deadline { get; set; }

    /// <summary>Fallback.</summary>
    [Param("what a refused task does: local (runs on its device), cloud (through its station, or the best one in range; on its device if none is) or drop")]
    public FallbackName Fallback { get; set; } = FallbackName.Local;
}
