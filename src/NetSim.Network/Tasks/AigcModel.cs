namespace NetSim.Network.Tasks;

/// <summary>How a model's compute work is counted.</summary>
public enum WorkKind
{
    /// <summary>A fixed number of operations per task, one figure for servers and one for devices (Zhou et al.).</summary>
    Fixed,

    /// <summary>Operations proportional to the input size, in operations per bit (Wang, Li and Wang).</summary>
    PerBit,

    /// <summary>Reverse-diffusion steps times a per-step time on each kind of node (Wang, Liu and Zhao).</summary>
    Diffusion,
}

/// <summary>
/// An AIGC model: its size (what a download moves) and the work a task needs on a device or a
/// server. Work is counted in operations; a FLOP and a CPU cycle count alike.
/// </summary>
/// <param name="Index">Position in the scenario's model list.</param>
/// <param name="Name">Model name.</param>
/// <param name="SizeBits">Model size in bits.</param>
/// <param name="Kind">How work is counted.</param>
/// <param name="ServerOps">Fixed: operations on a server.</param>
/// <param name="DeviceOps">Fixed: operations on a device.</param>
/// <param name="OpsPerBit">PerBit: operations per input bit.</param>
/// <param name="StepTimeDevice">Diffusion: seconds per step on a device at full speed.</param>
/// <param name="StepTimeServer">Diffusion: seconds per step on a server core at full speed.</param>
public sealed record AigcModel(
    int Index,
    string Name,
    double SizeBits,
    WorkKind Kind,
    double ServerOps,
    double DeviceOps,
    double OpsPerBit,
    double StepTimeDevice,
    double StepTimeServer)
{
    /// <summary>
    /// Operations for the whole task on a node of the given kind whose cores run at
    /// <paramref name="rate"/> operations per second. Diffusion work is steps times the per-step
    /// time, converted to operations at the node's rate so that an idle node takes exactly
    /// <c>steps * stepTime</c>.
    /// </summary>
    public double Work(bool onDevice, double sizeBits, int steps, double rate) => Kind switch
    {
        WorkKind.Fixed => onDevice ? DeviceOps : ServerOps,
        WorkKind.PerBit => OpsPerBit * sizeBits,
        WorkKind.Diffusion => steps * (onDevice ? StepTimeDevice : StepTimeServer) * rate,
        _ => throw new InvalidOperationException($"unknown work kind {Kind}"),
    };
}
