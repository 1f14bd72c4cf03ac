using NetSim.Kernel.Events;

namespace NetSim.Kernel.Resources;

/// <summary>
/// A request for one unit of a <see cref="Resource"/>: an event that succeeds when the unit is
/// granted. Disposing it gives the unit back (or, while it still waits, withdraws it), so
/// <c>using var req = resource.Request(); yield return req;</c> releases on every path.
/// </summary>
public sealed class Request : Event, IDisposable
{
    internal Request(Resource resource, int priority, bool preempt, long sequence)
        : base(resource.Simulation)
    {
        Resource = resource;
        Priority = priority;
        Preempt = preempt;
        Sequence = sequence;
        RequestedAt = resource.Simulation.Now;
        Owner = resource.Simulation.ActiveProcess;
    }

    /// <summary>The resource asked.</summary>
    public Resource Resource { get; }

    /// <summary>Lower is served first (priority resources only).</summary>
    public int Priority { get; }

    /// <summary>Whether it may preempt a user of worse priority (preemptive resources only).</summary>
    public bool Preempt { get; }

    /// <summary>Time of the request.</summary>
    public double RequestedAt { get; }

    /// <summary>Time the unit was granted, or NaN.</summary>
    public double GrantedAt { get; internal set; } = double.NaN;

    /// <summary>The process that made the request (the one a preemption interrupts), or null.</summary>
    public Process? Owner { get; }

    /// <summary>True once released, withdrawn or preempted.</summary>
    public bool IsReleased { get; internal set; }

    internal long Sequence { get; }

    /// <summary>Releases the unit, or withdraws the request if it still waits; does nothing if already released.</summary>
    public void Dispose()
    {
        if (!IsReleased)
        {
            Resource.Release(this);
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"Request({Resource.Name})";
}
