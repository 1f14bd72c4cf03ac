using NetSim.Kernel.Resources;
using NetSim.Network.Tasks;

namespace NetSim.Network.Compute;

/// <summary>
/// A piece of work for a <see cref="ComputeNode"/>: compute operations for a server or processor,
/// bits for a link. The node calls <see cref="OnDone"/> when the work is done, never if the job is
/// removed first. Under processor sharing the node's shared-rate server keeps its progress.
/// </summary>
internal sealed class Job(SimTask task, double ops, AigcModel? model, Action<Job> onDone) : SharedRateJob
{
    public SimTask Task { get; } = task;

    /// <summary>Work in operations (bits for a link).</summary>
    public double Ops { get; } = ops;

    /// <summary>Model the job runs, for switch-time accounting; null when none applies.</summary>
    public AigcModel? Model { get; } = model;

    public Action<Job> OnDone { get; } = onDone;

    /// <summary>Energy of one operation (one bit for a link), joules, charged to <see cref="Task"/> as the work is done.</summary>
    public double JoulesPerOp { get; init; }

    /// <summary>Seconds between the end of compute and the result reaching the device (remote jobs).</summary>
    public double ReturnDelay { get; init; }

    /// <summary>Called when service starts, with the start time; optional.</summary>
    public Action<Job>? OnStart { get; init; }

    /// <summary>Time the job entered the node.</summary>
    public double Entered { get; set; } = double.NaN;

    /// <summary>Time service started.</summary>
    public double Started { get; set; } = double.NaN;

    /// <summary>Seconds of model switch charged at the start of service.</summary>
    public double SwitchSeconds { get; set; }

    internal LinkedListNode<Job>? WaitingNode { get; set; }

    internal int Core { get; set; } = -1;

    /// <summary>Bumped whenever a scheduled completion becomes stale.</summary>
    internal int Version { get; set; }

    /// <summary>The version the pending completion was scheduled with.</summary>
    internal int ScheduledVersion { get; set; }

    /// <summary>The node serving the job.</summary>
    internal ComputeNode? Node { get; set; }

    internal bool InService => Core >= 0;
}
