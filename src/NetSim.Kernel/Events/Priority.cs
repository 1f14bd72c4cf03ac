namespace NetSim.Kernel.Events;

/// <summary>Event priorities: among events at the same time, a lower priority runs first.</summary>
public static class Priority
{
    /// <summary>Process starts and interrupts: before anything else at the same time.</summary>
    public const int Urgent = -32768;

    /// <summary>The default.</summary>
    public const int Normal = 0;

    /// <summary>The highest allowed value.</summary>
    public const int Lowest = 32767;
}
