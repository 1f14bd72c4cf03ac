namespace NetSim.Traces;

/// <summary>A trace database cannot be used as asked; the message names the file and the reason.</summary>
public sealed class TraceException(string message, Exception? inner = null) : Exception(message, inner);
