using NetSim.Network.Recording;

namespace NetSim.Policies.Tests;

/// <summary>Keeps every task record a run reports, in order.</summary>
internal sealed class ListRecorder : IRunRecorder
{
    public TraceLevel Level => TraceLevel.Tasks;

    public List<TaskRecord> Tasks { get; } = new();

    public void OnTask(in TaskRecord task) => Tasks.Add(task);

    public void OnQueueSample(in QueueSample sample)
    {
    }

    public void OnDownload(in DownloadRecord download)
    {
    }
}
