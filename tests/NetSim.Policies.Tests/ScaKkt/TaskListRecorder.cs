using NetSim.Network.Recording;

namespace NetSim.Policies.Tests.ScaKkt;

/// <summary>Keeps every finished task's record.</summary>
internal sealed class TaskListRecorder : IRunRecorder
{
    public List<TaskRecord> Tasks { get; } = new();

    public TraceLevel Level => TraceLevel.Tasks;

    public void OnTask(in TaskRecord task) => Tasks.Add(task);

    public void OnQueueSample(in QueueSample sample)
    {
    }

    public void OnDownload(in DownloadRecord download)
    {
    }
}
