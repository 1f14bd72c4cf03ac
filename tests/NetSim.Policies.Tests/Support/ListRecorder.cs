using NetSim.Network.Recording;

namespace NetSim.Policies.Tests.Support;

/// <summary>Keeps every task record and download of a run, in order.</summary>
internal sealed class ListRecorder(TraceLevel level = TraceLevel.Full) : IRunRecorder
{
    public TraceLevel Level { get; } = level;

    public List<TaskRecord> Tasks { get; } = new();

    public List<DownloadRecord> Downloads { get; } = new();

    public void OnTask(in TaskRecord task) => Tasks.Add(task);

    public void OnQueueSample(in QueueSample sample)
    {
    }

    public void OnDownload(in DownloadRecord download) => Downloads.Add(download);

    public TaskRecord Task(long id) => Tasks.Single(t => t.TaskId == id);
}
