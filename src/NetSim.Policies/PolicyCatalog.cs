using NetSim.Network.Scheduling;
using NetSim.Policies.Optimal;

namespace NetSim.Policies;

/// <summary>The policies of this project, for a <see cref="PolicyRegistry"/>.</summary>
public static class PolicyCatalog
{
    /// <summary>Registers every policy of this project in <paramref name="registry"/>.</summary>
    public static void AddTo(PolicyRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.Register("optimal", "optimal joint assignment of each epoch's batch under problem (1) of Zhou et al., OR-Tools CP-SAT under a time limit", c => new OptimalPolicy(c));
        registry.Register("exhaustive", "the same optimum by enumerating every assignment; batches of at most 8 tasks", c => new ExhaustivePolicy(c));
    }
}
