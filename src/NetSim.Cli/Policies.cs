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
        return registry;
    }
}
