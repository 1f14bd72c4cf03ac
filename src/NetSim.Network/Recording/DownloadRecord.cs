namespace NetSim.Network.Recording;

/// <summary>One AIGC-model download from the cloud to an edge server's cache.</summary>
/// <param name="Edge">Index of the edge server.</param>
/// <param name="Model">Model name.</param>
/// <param name="Requested">Time of the cache miss.</param>
/// <param name="Start">Time the transfer started on the backhaul.</param>
/// <param name="End">Time the model was ready in the cache.</param>
/// <param name="Bits">Model size in bits.</param>
/// <param name="Evicted">Comma-separated models evicted to make room, or null.</param>
public readonly record struct DownloadRecord(int Edge, string Model, double Requested, double Start, double End, double Bits, string? Evicted);
