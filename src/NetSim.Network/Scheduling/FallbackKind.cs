namespace NetSim.Network.Scheduling;

/// <summary>What a task refused by admission control does instead.</summary>
public enum FallbackKind
{
    /// <summary>Runs wholly on its device.</summary>
    Local,

    /// <summary>Goes to the cloud (through the refusing station, or when that one is out of range the best station in range; on its device when none is, or there is no cloud).</summary>
    Cloud,

    /// <summary>Is recorded as dropped.</summary>
    Drop,
}
