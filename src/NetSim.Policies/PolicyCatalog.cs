using NetSim.Network.Scheduling;
using NetSim.Policies.Optimal;
using NetSim.Policies.ScaKkt;

namespace NetSim.Policies;

/// <summary>The policies of this project, registered by name into a <see cref="PolicyRegistry"/>.</summary>
public static class PolicyCatalog
{
    /// <summary>Registers every policy of this project into <paramref name="registry"/>.</summary>
    public static void AddTo(PolicyRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.Register("random", "each task to its device or a uniformly chosen edge server (Zhou et al.); with partial offloading a random edge and ratio (Wang, Li and Wang)", PolicyInputs.None, c => new RandomPolicy(c.Random));
        registry.Register("greedy", "least latency estimated from device rate, channel and edge rate, ignoring queues (Zhou et al.)", PolicyInputs.None, _ => new GreedyPolicy());
        registry.Register("greedy-compatible", "the nearest edge server holding the task's model, else all on the device (Wang, Li and Wang)", PolicyInputs.None, _ => new GreedyCompatiblePolicy());
        registry.Register("least-latency", "least latency estimated with queues, shared uploads, caches, downloads, switch time and the cloud route", PolicyInputs.None, _ => new LeastLatencyPolicy());
        registry.Register("optimal", "optimal joint assignment of each epoch's batch under problem (1) of Zhou et al., OR-Tools CP-SAT under a time limit", OptimalPolicy.Takes, c => new OptimalPolicy(c));
        registry.Register("exhaustive", "the same optimum by enumerating every assignment; batches of at most 8 tasks", ExhaustivePolicy.Takes, c => new ExhaustivePolicy(c));
        registry.Register(
            ScaKktPolicy.PolicyName,
            "joint offloading and diffusion steps by penalised SCA with KKT sub-problems (Wang, Liu and Zhao)",
            ScaKktOptions.Takes,
            context => new ScaKktPolicy(ScaKktOptions.Parse(context.Options)));
    }
}
