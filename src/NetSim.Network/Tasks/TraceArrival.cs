namespace NetSim.Network.Tasks;

/// <summary>One line of an arrival trace.</summary>
/// <param name="Time">Creation time, seconds.</param>
/// <param name="Ue">Creating UE.</param>
/// <param name="Type">Task type index, or -1 to draw it.</param>
/// <param name="SizeBits">Input size in bits, or NaN to draw it.</param>
public readonly record struct TraceArrival(double Time, int Ue, int Type, double SizeBits);
