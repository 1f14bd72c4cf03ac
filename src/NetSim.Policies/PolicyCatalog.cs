using NetSim.Network.Scheduling;
using NetSim.Policies.ScaKkt;

namespace NetSim.Policies;

/// <summary>The policies of this project, for the command line's <see cref="PolicyRegistry"/>.</summary>
public static class PolicyCatalog
{
    /// <summary>Registers every policy of this project in <paramref name="registry"/>.</summary>
    public static void AddTo(PolicyRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.Register(
            ScaKktPolicy.PolicyName,
            "joint offloading and diffusion steps by penalised SCA with KKT sub-problems (Wang, Liu and Zhao)",
            context => new ScaKktPolicy(ScaKktOptions.Parse(context.Options)));
    }
}
