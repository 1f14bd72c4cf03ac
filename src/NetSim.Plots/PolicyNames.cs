using System.Collections.Frozen;

namespace NetSim.Plots;

/// <summary>
/// Legend names of policies: the paper's own name where a paper names the policy, with the paper
/// where two papers use one name for different policies (Zhou et al.'s greedy; Wang, Li and Wang's
/// is a different algorithm, shown by its own name, greedy-compatible), so that every label names
/// one policy. A policy not listed keeps its registry name.
/// </summary>
public static class PolicyNames
{
    private static readonly FrozenDictionary<string, string> Names = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["actor-critic"] = "Proposed actor-critic (Zhou et al.)",
        ["greedy"] = "Greedy (Zhou et al.)",
        ["random"] = "Random",
        ["local"] = "Local",
        ["nearest"] = "Nearest",
        ["least-latency"] = "Least latency",
        ["optimal"] = "Optimal (CP-SAT)",
        ["exhaustive"] = "Optimal (enumeration)",
        ["sca-kkt"] = "Proposed SCA-KKT (Wang, Liu and Zhao)",
        ["greedy-compatible"] = "Greedy-compatible",
        ["maddpg-mato"] = "MADDPG-MATO",
        ["maddpg-nomodel"] = "MADDPG-NoModel",
        ["ddpg"] = "SADDPG",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The legend name of <paramref name="policy"/>.</summary>
    public static string Display(string policy) => Names.GetValueOrDefault(policy, policy);
}
