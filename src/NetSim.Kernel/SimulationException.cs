namespace NetSim.Kernel;

/// <summary>A failure that stopped a run: an unhandled event failure, process fault or interrupt.</summary>
public sealed class SimulationException(string message, Exception? inner = null) : Exception(message, inner);
