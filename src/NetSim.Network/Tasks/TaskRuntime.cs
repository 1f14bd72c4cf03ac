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

    /// <summary>Time the upload asked for an uplink grant, or NaN.</summary>
    public double GrantRequested { get; set; } = double.NaN;

    /// <summary>Whether <see cref="Upload"/> holds an uplink grant (is sending), not waiting for one.</summary>
    public bool Granted { get; set; }

    /// <summary>The task's place in its station's queue for a grant, while it waits for one.</summary>
    public LinkedListNode<Upload>? GrantQueued { get; set; }

    /// <summary>Edge whose admitted tasks count this one until its compute there ends, or -1.</summary>
    public int HeldAt { get; set; } = -1;

    /// <summary>Work of this task counted at <see cref="HeldAt"/> while it has not reached the server yet, operations.</summary>
    public double TransitOps { get; set; }

    /// <summary>Time the task started waiting for its model, or NaN.</summary>
    public double ModelWaitStart { get; set; } = double.NaN;

    /// <summary>The station whose backhaul carries <see cref="BackhaulJob"/>.</summary>
    public int BackhaulAt { get; set; } = -1;

    /// <summary>The UE's handover count when the upload started (a result is relayed only after a handover since).</summary>
    public int HandoverMark { get; set; }

    /// <summary>An upload stopped by a handover, waiting out the interruption.</summary>
    public bool Resuming { get; set; }

    /// <summary>Bits the interrupted upload will send when it resumes.</summary>
    public double ResumeBits { get; set; }

    /// <summary>The offloaded input's bits, whatever the handovers left to send.</summary>
    public double InputBits { get; set; }

    /// <summary>When the relay in progress started.</summary>
    public double RelayStart { get; set; } = double.NaN;

    /// <summary>What follows the relay in progress.</summary>
    public Action<SimTask>? RelayThen { get; set; }

    /// <summary>The station a relayed result starts from.</summary>
    public int ResultFrom { get; set; } = -1;
}
