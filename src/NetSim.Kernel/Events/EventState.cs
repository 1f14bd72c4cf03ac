namespace NetSim.Kernel.Events;

/// <summary>Where an event is in its life.</summary>
public enum EventState : byte
{
    /// <summary>Created; nothing has decided its outcome yet. Processes may wait on it.</summary>
    Pending,

    /// <summary>Its outcome (ok with a value, or failed with an exception) is set and it sits in the queue.</summary>
    Triggered,

    /// <summary>The simulation took it from the queue and ran its callbacks; waiting on it resumes at once.</summary>
    Processed,
}
