namespace NetSim.Network.Scenario.Config;

/// <summary><c>offloading:</c> switches.</summary>
public sealed class OffloadingConfig
{
    /// <summary>Partial offloading.</summary>
    [Param("allow offload ratios strictly between 0 and 1 (device and target each run their part)")]
    public bool Partial { get; set; }

    /// <summary>Drop at deadline.</summary>
    [Param("drop a task when its deadline passes")]
    public bool DropAtDeadline { get; set; }
}
