using NetSim.Network.Compute;
using NetSim.Network.Radio;

namespace NetSim.Network.Tasks;

/// <summary>What a live task holds in the world, so that a drop can take it back out.</summary>
internal sealed class TaskRuntime
{
    public Upload? Upload { get; set; }

    public Job? LocalJob { get; set; }

    public Job? RemoteJob { get; set; }

    public Job? BackhaulJob { get; set; }

    /// <summary>The model download this task's request started, or null.</summary>
    public Job? Download { get; set; }

    /// <summary>Cache holding a pin for this task, or null.</summary>
    public ModelCache? PinnedIn { get; set; }

    /// <summary>Time the task started waiting for its model, or NaN.</summary>
    public double ModelWaitStart { get; set; } = double.NaN;
}
