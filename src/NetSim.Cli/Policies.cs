using NetSim.Network.Scheduling;
using NetSim.Policies;

namespace NetSim.Cli;

/// <summary>Every policy the command line knows, by name.</summary>
internal static class Policies
{
    public static PolicyRegistry Registry()
    {
        var registry = PolicyRegistry.WithBuiltIns();
        PolicyCatalog.AddTo(registry);
        Learning.LearningCatalog.AddTo(registry);
        registry.Register(Serving.ExternalPolicy.PolicyName, "decisions from a process you start (policy.options.command), for example a policy trained in Python; protocol in docs/python.md", Serving.ExternalPolicy.Takes(), context => new Serving.ExternalPolicy(context));
        return registry;
    }
}
