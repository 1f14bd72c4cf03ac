namespace NetSim.Network.Recording;

/// <summary>
/// Receives what a run produces. The world calls it as things happen; an implementation decides
/// what to keep (the trace database lives in NetSim.Traces, not here). Calls arrive on the
/// simulation's thread in simulated-time order.
/// </summary>
public interface IRunRecorder
{
    /// <summary>The detail the recorder keeps; the world skips work for detail nobody keeps.</summary>
    TraceLevel Level { get; }

    /// <summary>A task reached its final state (or the run ended with it unfinished).</summary>
    void OnTask(in TaskRecord task);

    /// <summary>A queue's length changed (sent only at <see cref="TraceLevel.Full"/>).</summary>
    void OnQueueSample(in QueueSample sample);

    /// <summary>A model download finished (sent only at <see cref="TraceLevel.Full"/>).</summary>
    void OnDownload(in DownloadRecord download);

    /// <summary>A UE was handed over to another station (sent only at <see cref="TraceLevel.Tasks"/> and <see cref="TraceLevel.Full"/>; never in a world where no UE moves).</summary>
    void OnHandover(in HandoverRecord handover)
    {
    }

    /// <summary>A corner of a moving UE's path: time 0, the start of a leg of its trajectory, a change of its serving station, the end of the run (sent only at <see cref="TraceLevel.Tasks"/> and <see cref="TraceLevel.Full"/>; never in a world where no UE moves).</summary>
    void OnPosition(in PositionRecord position)
    {
    }
}
