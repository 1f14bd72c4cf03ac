namespace NetSim.Network.Recording;

/// <summary>What became of a task by the end of a run.</summary>
public enum TaskOutcome
{
    /// <summary>The task finished and its result reached the device.</summary>
    Completed,

    /// <summary>The task was dropped, for example at its deadline.</summary>
    Dropped,

    /// <summary>The run ended before the task finished.</summary>
    Unfinished,
}
