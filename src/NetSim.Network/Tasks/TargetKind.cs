namespace NetSim.Network.Tasks;

/// <summary>Where a task (or its offloaded part) runs.</summary>
public enum TargetKind
{
    /// <summary>On the device that created it.</summary>
    Local,

    /// <summary>On the MEC server beside a base station.</summary>
    Edge,

    /// <summary>In the cloud, reached over the uplink and a base station's backhaul.</summary>
    Cloud,
}
