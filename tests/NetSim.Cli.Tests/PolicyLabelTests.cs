using NetSim.Network.Scheduling;
using NetSim.Plots;
using NetSim.Policies;

namespace NetSim.Cli.Tests;

/// <summary>Legend names over the whole registry netsim builds (analytic and learned policies), which only this project sees whole.</summary>
public class PolicyLabelTests
{
    [Fact]
    public void Given_every_registered_policy_Then_each_has_a_legend_name_of_its_own_that_no_other_policy_shares()
    {
        var registry = PolicyRegistry.WithBuiltIns();
        PolicyCatalog.AddTo(registry);
        Learning.LearningCatalog.AddTo(registry);
        var names = registry.Names.ToList();

        Assert.Contains("greedy-compatible", names);
        Assert.Contains("maddpg-mato", names);
        Assert.All(names, n => Assert.NotEqual(n, PolicyNames.Display(n)));
        var shared = names.GroupBy(PolicyNames.Display).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g)}");
        Assert.Empty(shared);
    }
}
