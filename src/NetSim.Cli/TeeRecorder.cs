using NetSim.Network.Recording;
using NetSim.Network.Metrics;
using NetSim.Traces;

namespace NetSim.Cli;

/// <summary>Passes what a run reports to the trace writer and to the summary statistics.</summary>
internal sealed class TeeRecorder(RunWriter writer, TaskStatistics statistics) : IRunRecorder
{
    public TraceLevel Level => writer.Level;

    public void OnTask(in TaskRecord task)
    {
        statistics.Add(task);
        writer.OnTask(task);
    }

    public void OnQueueSample(in QueueSample sample) => writer.OnQueueSample(sample);

    public void OnDownload(in DownloadRecord download) => writer.OnDownload(download);
}
