using System.Collections.Frozen;

namespace NetSim.Plots;

/// <summary>Legend names of policies as the papers write them; any other policy keeps its own name.</summary>
public static class PolicyNames
{
    private static readonly FrozenDictionary<string, string> Names = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["actor-critic"] = "Proposed (actor-critic)",
        ["greedy"] = "Greedy",
        ["random"] = "Random",
        ["local"] = "Local",
        ["nearest"] = "Nearest",
        ["least-latency"] = "Least latency",
        ["optimal"] = "Optimal",
        ["sca-kkt"] = "Proposed (SCA-KKT)",
        ["greedy-compatible"] = "Greedy",
        ["maddpg-mato"] = "MADDPG-MATO",
        ["maddpg-nomodel"] = "MADDPG-NoModel",
        ["ddpg"] = "SADDPG",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The legend name of <paramref name="policy"/>.</summary>
    public static string Display(string policy) => Names.GetValueOrDefault(policy, policy);
}
