namespace NetSim.Network.Recording;

/// <summary>A recorder that keeps nothing, for runs whose results are read from the world itself (training, benchmarks).</summary>
public sealed class NullRecorder : IRunRecorder
{
    /// <summary>The one instance: it holds no state.</summary>
    public static NullRecorder Instance { get; } = new();

    private NullRecorder()
    {
    }

    /// <inheritdoc />
    public TraceLevel Level => TraceLevel.Summary;

    /// <inheritdoc />
    public void OnTask(in TaskRecord task)
    {
    }

    /// <inheritdoc />
    public void OnQueueSample(in QueueSample sample)
    {
    }

    /// <inheritdoc />
    public void OnDownload(in DownloadRecord download)
    {
    }
}
