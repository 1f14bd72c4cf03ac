namespace NetSim.Network.Scheduling;

/// <summary>A policy returned decisions the world cannot apply; the message says which and why.</summary>
public sealed class PolicyException(string message) : Exception(message);
