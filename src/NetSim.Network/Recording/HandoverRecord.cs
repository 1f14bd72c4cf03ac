namespace NetSim.Network.Recording;

/// <summary>A UE's serving station changed.</summary>
/// <param name="Time">Simulated time of the handover, seconds.</param>
/// <param name="Ue">The UE.</param>
/// <param name="From">The station that served it.</param>
/// <param name="To">The station that serves it now.</param>
/// <param name="Reason"><c>nearest</c> or <c>strongest</c> (the association rule chose another station), or <c>coverage</c> (the serving station's coverage was left).</param>
/// <param name="Uploads">Uploads of the UE in progress that the handover moved.</param>
public readonly record struct HandoverRecord(double Time, int Ue, int From, int To, string Reason, int Uploads);
