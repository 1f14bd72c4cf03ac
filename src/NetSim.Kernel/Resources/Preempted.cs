using NetSim.Kernel.Events;

namespace NetSim.Kernel.Resources;

/// <summary>The cause of the interrupt a preempted user receives.</summary>
/// <param name="By">The process whose request preempted it (null if not made by a process).</param>
/// <param name="UsageSince">When the preempted user had been granted the unit.</param>
/// <param name="Resource">The resource.</param>
public sealed record Preempted(Process? By, double UsageSince, Resource Resource)
{
    /// <inheritdoc />
    public override string ToString() => $"preempted on {Resource.Name} by {By?.Name ?? "a request"} (using it since t={UsageSince})";
}
