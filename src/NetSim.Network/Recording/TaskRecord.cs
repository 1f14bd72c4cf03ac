namespace NetSim.Network.Recording;

/// <summary>
/// One task's life, as the trace database's <c>tasks</c> table stores it. Times are simulated
/// seconds; a time that never happened (no upload for a local task, say) is <see cref="double.NaN"/>
/// and is stored as SQL NULL.
/// </summary>
/// <param name="TaskId">Task identifier, unique within the run.</param>
/// <param name="Ue">Index of the user equipment that created the task.</param>
/// <param name="Model">Name of the AIGC model the task needs.</param>
/// <param name="SizeBits">Input size in bits.</param>
/// <param name="WorkFlops">Compute work in FLOPs (on the executing node).</param>
/// <param name="Created">Creation time.</param>
/// <param name="Decided">Time the scheduler assigned the task.</param>
/// <param name="Target"><c>local</c>, <c>edge:K</c> or <c>cloud</c>; null while undecided.</param>
/// <param name="OffloadRatio">Fraction of the task offloaded (0 local, 1 fully offloaded).</param>
/// <param name="UploadStart">Start of the uplink transmission.</param>
/// <param name="UploadEnd">End of the uplink transmission.</param>
/// <param name="QueueEnter">Time the task joined the executing node's queue.</param>
/// <param name="ServiceStart">Time compute started.</param>
/// <param name="ServiceEnd">Time compute ended.</param>
/// <param name="ModelWait">Seconds spent waiting for a model download or switch.</param>
/// <param name="Completed">Time the result reached the device.</param>
/// <param name="Latency">Completed minus Created.</param>
/// <param name="Deadline">Absolute deadline, or NaN if none.</param>
/// <param name="MetDeadline">Whether the deadline was met; null without a deadline.</param>
/// <param name="EnergyJ">
/// Energy the task consumed in joules, whatever its status: device, edge and cloud compute done,
/// transmission at the power radiated, and the model download its request started; a dropped or
/// unfinished task counts its work in progress up to the drop or the end of the run.
/// </param>
/// <param name="Quality">Generated-content quality in [0, 1], or NaN where not modelled.</param>
/// <param name="Status">Completed, dropped or unfinished.</param>
/// <param name="Ended">
/// When the task left the system: its completion, its drop, or for an unfinished task the end of
/// the run. <c>Ended - Created</c> is the task's latency if it completed and otherwise its age when
/// it was given up or the run stopped, a lower bound on the latency it would have had.
/// </param>
/// <param name="GrantWait">
/// Seconds the upload waited for an uplink grant before it started sending (0 when granted at once;
/// NaN for a task that uploaded nothing). <c>upload_start</c> is when it was granted.
/// </param>
/// <param name="Rejected">Why admission control refused the task, or <see cref="RejectReason.None"/>.</param>
/// <param name="Relay">Seconds the task spent relayed between stations after handovers (input and result); NaN without a relay.</param>
public readonly record struct TaskRecord(
    long TaskId,
    int Ue,
    string Model,
    double SizeBits,
    double WorkFlops,
    double Created,
    double Decided,
    string? Target,
    double OffloadRatio,
    double UploadStart,
    double UploadEnd,
    double QueueEnter,
    double ServiceStart,
    double ServiceEnd,
    double ModelWait,
    double Completed,
    double Latency,
    double Deadline,
    bool? MetDeadline,
    double EnergyJ,
    double Quality,
    TaskOutcome Status,
    double Ended,
    double GrantWait = double.NaN,
    RejectReason Rejected = RejectReason.None,
    double Relay = double.NaN);
