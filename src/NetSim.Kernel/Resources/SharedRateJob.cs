namespace NetSim.Kernel.Resources;

/// <summary>
/// A job of a <see cref="SharedRateServer{TJob}"/>: an amount of work done at the rate the server
/// gives it. A model derives its own job type from it to carry its data; the server keeps the
/// job's progress in it, so holding a job costs no allocation beyond the job itself.
/// </summary>
public class SharedRateJob
{
    /// <summary>The work the job brought when it was added (operations, bits: whatever the rates count).</summary>
    public double Work { get; internal set; }

    /// <summary>Its weight under processor sharing (1 unless given when added).</summary>
    public double Weight { get; internal set; } = 1;

    /// <summary>Whether a server holds the job now (added, neither finished nor removed).</summary>
    public bool IsHeld => HeapIndex >= 0;

    /// <summary>Position in the server's heap, or -1.</summary>
    internal int HeapIndex { get; set; } = -1;

    /// <summary>The heap key: the virtual finish (processor sharing) or the projected finish time (variable rates).</summary>
    internal double Key { get; set; }

    /// <summary>Order of addition, which breaks ties of <see cref="Key"/>.</summary>
    internal long Sequence { get; set; }

    /// <summary>Variable rates: the current rate.</summary>
    internal double Rate { get; set; }

    /// <summary>Variable rates: the work left at <see cref="Since"/>.</summary>
    internal double Settled { get; set; }

    /// <summary>Variable rates: when the rate was last set.</summary>
    internal double Since { get; set; }

    /// <summary>The server holding the job, or null.</summary>
    internal object? Server { get; set; }
}
