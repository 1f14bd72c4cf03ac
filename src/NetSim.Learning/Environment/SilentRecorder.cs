using NetSim.Network.Recording;

namespace NetSim.Learning.Environment;

/// <summary>A recorder that keeps nothing: training episodes need only the rewards.</summary>
internal sealed class SilentRecorder : IRunRecorder
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
