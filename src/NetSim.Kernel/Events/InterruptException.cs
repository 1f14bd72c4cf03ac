namespace NetSim.Kernel.Events;

/// <summary>The fault a process sees when it is interrupted; <see cref="Cause"/> says why.</summary>
public sealed class InterruptException(object? cause)
    : Exception($"interrupted: {cause ?? "no cause given"}")
{
    /// <summary>What the interrupter passed (for a preemption, a <see cref="Resources.Preempted"/>).</summary>
    public object? Cause { get; } = cause;
}
