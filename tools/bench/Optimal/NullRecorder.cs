using NetSim.Network.Recording;

namespace NetSim.Bench.Optimal;

/// <summary>Discards every record: the epoch benchmarks read the policies, not the trace.</summary>
internal sealed class NullRecorder : IRunRecorder
{
    public TraceLevel Level => TraceLevel.Summary;

    public void OnTask(in TaskRecord task)
    {
    }

    public void OnQueueSample(in QueueSample sample)
    {
    }

    public void OnDownload(in DownloadRecord download)
    {
    }
}
