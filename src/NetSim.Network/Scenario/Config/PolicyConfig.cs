using NetSim.Network.Scenario.Yaml;

namespace NetSim.Network.Scenario.Config;

/// <summary><c>policy:</c> a name, or a mapping with the name, a checkpoint and free options.</summary>
public sealed class PolicyConfig
{
    /// <summary>Policy name, for example <c>nearest</c>, <c>greedy</c>, <c>maddpg-mato</c>.</summary>
    [Param("policy name (netsim run --policy overrides it)", Required = true)]
    public string Name { get; set; } = "nearest";

    /// <summary>Checkpoint file of a learned policy, relative to the scenario file.</summary>
    [Param("checkpoint file of a learned policy, relative to the file that names it", IsPath = true)]
    public string Checkpoint { get; set; } = string.Empty;

    /// <summary>Options for the policy itself, checked by the policy (kept with their positions).</summary>
    [Param("options passed to the policy, which checks them")]
    public Dictionary<string, Node> Options { get; set; } = new();
}
