using NetSim.Network.Metrics;
using NetSim.Network.Recording;
using NetSim.Traces;

namespace NetSim.Cli.Running;

/// <summary>
/// Passes a sweep run's rows to its writer in chunks of at most <see cref="ChunkRows"/> rows, each
/// written and committed at once, so that a worker holds the database's write lock (which the
/// sweep's other workers share) only while it writes, and memory stays flat however long the run.
/// Keeps the run's summary statistics too.
/// </summary>
internal sealed class ChunkedRecorder(RunWriter writer, TaskStatistics statistics) : IRunRecorder
{
    /// <summary>Rows kept before they are written.</summary>
    public const int ChunkRows = 20_000;

    private readonly List<TaskRecord> _tasks = [];
    private readonly List<QueueSample> _samples = [];
    private readonly List<DownloadRecord> _downloads = [];
    private readonly List<HandoverRecord> _handovers = [];
    private readonly List<PositionRecord> _positions = [];

    public TraceLevel Level => writer.Level;

    /// <summary>Summary statistics of every task seen (those created before the warm-up cut only counted).</summary>
    public TaskStatistics Statistics { get; } = statistics;

    public void OnTask(in TaskRecord task)
    {
        Statistics.Add(task);
        if (Level != TraceLevel.Summary)
        {
            _tasks.Add(task);
            Kept();
        }
    }

    public void OnQueueSample(in QueueSample sample)
    {
        if (Level == TraceLevel.Full)
        {
            _samples.Add(sample);
            Kept();
        }
    }

    public void OnDownload(in DownloadRecord download)
    {
        if (Level == TraceLevel.Full)
        {
            _downloads.Add(download);
            Kept();
        }
    }

    public void OnHandover(in HandoverRecord handover)
    {
        if (Level != TraceLevel.Summary)
        {
            _handovers.Add(handover);
            Kept();
        }
    }

    public void OnPosition(in PositionRecord position)
    {
        if (Level != TraceLevel.Summary)
        {
            _positions.Add(position);
            Kept();
        }
    }

    /// <summary>Writes and commits every kept row, in the order the run produced them within each table.</summary>
    public void Flush()
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

        foreach (var handover in _handovers)
        {
            writer.OnHandover(handover);
        }

        foreach (var position in _positions)
        {
            writer.OnPosition(position);
        }

        _tasks.Clear();
        _samples.Clear();
        _downloads.Clear();
        _handovers.Clear();
        _positions.Clear();
        writer.Commit();
    }

    private void Kept()
    {
        if (_tasks.Count + _samples.Count + _downloads.Count + _handovers.Count + _positions.Count >= ChunkRows)
        {
            Flush();
        }
    }
}
