namespace NetSim.Network.Scenario.Config;

/// <summary><c>base_stations.uplink:</c> how each cell grants its uplink.</summary>
public sealed class UplinkConfig
{
    /// <summary>Grants.</summary>
    [Param("uploads a cell grants its uplink to at a time (they share its band); later uploads wait for a grant. unbounded: every upload is granted at once, the model of the papers", Min = 1, Max = 1_000_000, NoLimit = "unbounded")]
    public int MaxGrants { get; set; } = int.MaxValue;

    /// <summary>Order of the waiting uploads.</summary>
    [Param("order in which waiting uploads are granted: fifo (first come, first granted)")]
    public GrantDisciplineName Discipline { get; set; } = GrantDisciplineName.Fifo;
}
