using NetSim.Network.Scheduling;

namespace NetSim.Policies.Tests.Support;

/// <summary>The registry the command line uses: the built-in policies plus <see cref="PolicyCatalog"/>.</summary>
internal static class Catalog
{
    public static PolicyRegistry Registry()
    {
        var registry = PolicyRegistry.WithBuiltIns();
        PolicyCatalog.AddTo(registry);
        return registry;
    }

    /// <summary>Names registered by <see cref="PolicyCatalog"/> and the built-ins, as theory data.</summary>
    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var name in Registry().Names)
        {
            data.Add(name);
        }

        return data;
    }

    /// <summary>A factory building policy <paramref name="name"/> on the run's policy stream, without options.</summary>
    public static Func<Random, IPolicy> Factory(string name)
    {
        var registry = Registry();
        return random => registry.Create(new PolicyContext(name, random, new Dictionary<string, object?>(), null, Repo.Scenarios));
    }
}
