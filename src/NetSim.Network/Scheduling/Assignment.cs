using NetSim.Network.Tasks;

namespace NetSim.Network.Scheduling;

/// <summary>
/// A policy's decision for one task.
/// </summary>
/// <param name="TaskId">The task decided.</param>
/// <param name="Target">Local, an edge server, or the cloud.</param>
/// <param name="Index">Edge index for <see cref="TargetKind.Edge"/>; ignored otherwise.</param>
/// <param name="OffloadRatio">Fraction sent to the target, in [0, 1] (partial offloading); ignored for local.</param>
/// <param name="BandwidthShare">Share of the base station's bandwidth in (0, 1], or NaN for an equal share.</param>
/// <param name="Steps">Reverse-diffusion steps, or null to keep the task's default.</param>
/// <param name="Download">Whether an edge may download a missing model (false: the task is dropped on a miss).</param>
/// <param name="Via">Base station that receives the upload for the cloud, or -1 for the UE's best one.</param>
public readonly record struct Assignment(
    long TaskId,
    TargetKind Target,
    int Index = -1,
    double OffloadRatio = 1.0,
    double BandwidthShare = double.NaN,
    int? Steps = null,
    bool Download = true,
    int Via = -1)
{
    /// <summary>Run the whole task on the device.</summary>
    public static Assignment Local(long taskId) => new(taskId, TargetKind.Local, OffloadRatio: 0);

    /// <summary>Offload (all, or <paramref name="ratio"/> of) the task to edge <paramref name="edge"/>.</summary>
    public static Assignment Edge(long taskId, int edge, double ratio = 1.0) => new(taskId, TargetKind.Edge, edge, ratio);

    /// <summary>Offload the task to the cloud.</summary>
    public static Assignment Cloud(long taskId, double ratio = 1.0) => new(taskId, TargetKind.Cloud, OffloadRatio: ratio);
}
