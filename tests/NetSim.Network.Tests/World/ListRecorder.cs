using NetSim.Network.Recording;

namespace NetSim.Network.Tests.World;

/// <summary>Keeps everything a run reports, in order.</summary>
internal sealed class ListRecorder(TraceLevel level = TraceLevel.Full) : IRunRecorder
{
    public TraceLevel Level { get; } = level;

    public List<TaskRecord> Tasks { get; } = new();

    public List<QueueSample> Samples { get; } = new();

    public List<DownloadRecord> Downloads { get; } = new();

    public List<HandoverRecord> Handovers { get; } = new();

    public List<PositionRecord> Positions { get; } = new();

    public void OnTask(in TaskRecord task) => Tasks.Add(task);

    public void OnQueueSample(in QueueSample sample) => Samples.Add(sample);

    public void OnDownload(in DownloadRecord download) => Downloads.Add(download);

    public void OnHandover(in HandoverRecord handover) => Handovers.Add(handover);

    public void OnPosition(in PositionRecord position) => Positions.Add(position);

    public TaskRecord Task(long id) => Tasks.Single(t => t.TaskId == id);
}
