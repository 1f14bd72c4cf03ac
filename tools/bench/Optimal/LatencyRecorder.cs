using NetSim.Network.Recording;

namespace NetSim.Bench.Optimal;

/// <summary>Sums the latencies of completed tasks.</summary>
internal sealed class LatencyRecorder : IRunRecorder
{
    public TraceLevel Level => TraceLevel.Tasks;

    public double Sum { get; private set; }

    public long Count { get; private set; }

    public void OnTask(in TaskRecord task)
    {
        if (task.Status == TaskOutcome.Completed)
        {
            Sum += task.Latency;
            Count++;
        }
    }

    public void OnQueueSample(in QueueSample sample)
    {
    }

    public void OnDownload(in DownloadRecord download)
    {
    }
}
