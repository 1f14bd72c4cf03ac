namespace NetSim.Network.Recording;

/// <summary>How much of a run the trace database keeps.</summary>
public enum TraceLevel
{
    /// <summary>The run row and its summary metrics only.</summary>
    Summary,

    /// <summary>Summary plus one row per task.</summary>
    Tasks,

    /// <summary>Tasks plus every queue-length change and model download.</summary>
    Full,
}
