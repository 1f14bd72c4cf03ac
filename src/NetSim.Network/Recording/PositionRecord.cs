namespace NetSim.Network.Recording;

/// <summary>A corner of a moving UE's path: where it stood at a moment, and which station served it then.</summary>
/// <param name="Time">Simulated time, seconds.</param>
/// <param name="Ue">The UE.</param>
/// <param name="X">East coordinate, metres.</param>
/// <param name="Y">North coordinate, metres.</param>
/// <param name="Station">The station serving it from this moment (after a handover at it), or -1 when none covers it.</param>
public readonly record struct PositionRecord(double Time, int Ue, double X, double Y, int Station);
