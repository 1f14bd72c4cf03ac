namespace NetSim.Network.Scenario.Config;

/// <summary>Orders in which waiting uploads are granted the uplink.</summary>
public enum GrantDisciplineName
{
    /// <summary>First come, first granted.</summary>
    Fifo,
}
