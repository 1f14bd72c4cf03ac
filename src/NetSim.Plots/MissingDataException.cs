namespace NetSim.Plots;

/// <summary>A figure asked for data the trace database does not hold; the message names what is missing (policy, parameter, metric or table).</summary>
public sealed class MissingDataException(string message) : Exception(message);
