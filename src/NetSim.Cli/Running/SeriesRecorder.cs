using NetSim.Network.Metrics;
using NetSim.Network.Recording;

namespace NetSim.Cli.Running;

/// <summary>Keeps only the completed tasks' creation times and latencies: the first run of a replication under <c>warmup: auto</c>.</summary>
internal sealed class SeriesRecorder : IRunRecorder
{
    /// <summary>The statistics, with the series kept.</summary>
    public TaskStatistics Statistics { get; } = new(0, keepSeries: true);

    public TraceLevel Level => TraceLevel.Summary;

    public void OnTask(in TaskRecord task) => Statistics.Add(task);

    public void OnQueueSample(in QueueSample sample)
    {
    }

    public void OnDownload(in DownloadRecord download)
    {
    }
}
