using NetSim.Network.Recording;

namespace NetSim.Network.Tasks;

/// <summary>
/// One AIGC inference task as it moves through the world. Times are simulated seconds and stay
/// <see cref="double.NaN"/> until the step happens. The world mutates it; policies see it only
/// through <see cref="Scheduling.TaskView"/>.
/// </summary>
public sealed class SimTask
{
    internal SimTask(long id, int ue, int type, AigcModel model, double sizeBits, double created, double deadline, int steps)
    {
        Id = id;
        Ue = ue;
        Type = type;
        Model = model;
        SizeBits = sizeBits;
        Created = created;
        Deadline = deadline;
        Steps = steps;
    }

    /// <summary>Identifier, unique in the run, in creation order.</summary>
    public long Id { get; }

    /// <summary>Index of the creating UE.</summary>
    public int Ue { get; }

    /// <summary>Index of the task type in the scenario.</summary>
    public int Type { get; }

    /// <summary>The model the task needs.</summary>
    public AigcModel Model { get; }

    /// <summary>Input size in bits.</summary>
    public double SizeBits { get; }

    /// <summary>Creation time.</summary>
    public double Created { get; }

    /// <summary>Absolute deadline, or positive infinity when the task has none.</summary>
    public double Deadline { get; }

    /// <summary>Reverse-diffusion steps (diffusion models only; a policy may change it).</summary>
    public int Steps { get; internal set; }

    /// <summary>Decision time.</summary>
    public double Decided { get; internal set; } = double.NaN;

    /// <summary>Where the offloaded part runs (or Local).</summary>
    public TargetKind Target { get; internal set; }

    /// <summary>Edge index for <see cref="TargetKind.Edge"/>; the relaying base station for the cloud.</summary>
    public int TargetIndex { get; internal set; } = -1;

    /// <summary>Fraction offloaded, in [0, 1]; 0 for a local task.</summary>
    public double OffloadRatio { get; internal set; }

    /// <summary>Base station that receives the upload, or -1.</summary>
    public int Via { get; internal set; } = -1;

    /// <summary>Bandwidth share assigned by the policy, or NaN for an equal share.</summary>
    public double BandwidthShare { get; internal set; } = double.NaN;

    /// <summary>Whether a missing model may be downloaded (false: the task is dropped on a miss).</summary>
    public bool AllowDownload { get; internal set; } = true;

    /// <summary>Operations executed (device part plus offloaded part).</summary>
    public double WorkOps { get; internal set; }

    /// <summary>Seconds the upload waited for an uplink grant (NaN until it is granted).</summary>
    public double GrantWait { get; internal set; } = double.NaN;

    /// <summary>Why admission control refused the task, or <see cref="RejectReason.None"/>.</summary>
    public RejectReason Rejected { get; internal set; }

    /// <summary>Start of the upload (the moment it was granted the uplink).</summary>
    public double UploadStart { get; internal set; } = double.NaN;

    /// <summary>Seconds spent relayed between stations after handovers (input to its edge target, result to the serving station); NaN without a relay.</summary>
    public double Relay { get; internal set; } = double.NaN;

    /// <summary>End of the upload.</summary>
    public double UploadEnd { get; internal set; } = double.NaN;

    /// <summary>Time the offloaded part joined the executing server's queue (the device's for a local task).</summary>
    public double QueueEnter { get; internal set; } = double.NaN;

    /// <summary>Start of compute of the offloaded part (the local part for a local task).</summary>
    public double ServiceStart { get; internal set; } = double.NaN;

    /// <summary>End of compute of the offloaded part (the local part for a local task).</summary>
    public double ServiceEnd { get; internal set; } = double.NaN;

    /// <summary>Seconds spent waiting for a model download or a model switch.</summary>
    public double ModelWait { get; internal set; }

    /// <summary>Time the result reached the device.</summary>
    public double Completed { get; internal set; } = double.NaN;

    /// <summary>
    /// Energy spent on the task so far, joules: device, edge and cloud compute as it is done,
    /// transmission at the power radiated, and the model download the task's request started.
    /// </summary>
    public double EnergyJ { get; internal set; }

    /// <summary>Utility of the generated content (diffusion models), set at completion.</summary>
    public double QualityUtility { get; internal set; } = double.NaN;

    /// <summary>Average error of the generated content (diffusion models), set at completion.</summary>
    public double QualityError { get; internal set; } = double.NaN;

    /// <summary>Parts (local, offloaded) still running.</summary>
    internal int PendingParts { get; set; }

    /// <summary>Final state, or null while the task is alive.</summary>
    public TaskOutcome? Outcome { get; internal set; }

    /// <summary>True once the task completed or was dropped.</summary>
    public bool IsFinished => Outcome is not null;

    private static readonly string[] EdgeNames = Enumerable.Range(0, 256).Select(k => $"edge:{k}").ToArray();

    /// <summary>The <c>target</c> column of the trace: <c>local</c>, <c>edge:K</c> or <c>cloud</c>.</summary>
    public string? TargetName => double.IsNaN(Decided)
        ? null
        : Target switch
        {
            TargetKind.Local => "local",
            TargetKind.Edge => EdgeName(TargetIndex),
            _ => "cloud",
        };

    /// <summary>The trace name of edge <paramref name="index"/>, without allocating for the first 256 edges.</summary>
    private static string EdgeName(int index) => index < EdgeNames.Length ? EdgeNames[index] : $"edge:{index}";
}
