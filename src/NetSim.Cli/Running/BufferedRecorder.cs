using NetSim.Network.Recording;
using NetSim.Network.Metrics;
using NetSim.Traces;

namespace NetSim.Cli.Running;

/// <summary>
/// Keeps a run's rows in memory while a worker simulates it, with its summary statistics, so that
/// the single database writer can write them afterwards (SQLite has one writer at a time).
/// </summary>
internal sealed class BufferedRecorder(TraceLevel level) : IRunRecorder
{
    private readonly List<TaskRecord> _tasks = [];
    private readonly List<QueueSample> _samples = [];
    private readonly List<DownloadRecord> _downloads = [];

    public TraceLevel Level { get; } = level;

    /// <summary>Summary statistics of every task seen.</summary>
    public TaskStatistics Statistics { get; } = new();

    public void OnTask(in TaskRecord task)
    {
        Statistics.Add(task);
        if (Level != TraceLevel.Summary)
        {
            _tasks.Add(task);
        }
    }

    public void OnQueueSample(in QueueSample sample) => _samples.Add(sample);

    public void OnDownload(in DownloadRecord download) => _downloads.Add(download);

    /// <summary>Hands every kept row to <paramref name="writer"/>, in the order the run produced them.</summary>
    public void ReplayInto(RunWriter writer)
    {
        foreach (var task in _tasks)
        {
            writer.OnTask(task);
        }

        foreach (var sample in _samples)
        {
            writer.OnQueueSample(sample);
        }

        foreach (var download in _downloads)
        {
            writer.OnDownload(download);
        }
    }
}
