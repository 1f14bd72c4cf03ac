namespace NetSim.Network.Tests.Scenario;

public class SweepPolicyOptionTests
{
    [Fact]
    public void Given_a_sweep_over_a_policy_option_Then_it_loads_and_the_grid_values_reach_the_options()
    {
        using var dir = new TempScenario();
        dir.Write("s.yaml", "policy:\n  name: nearest\n  options: {budget: 10}\nsweep:\n  parameters:\n    policy.options.budget: [100, 200]\n");

        var swept = dir.Load("s.yaml", "policy.options.budget=200");

        Assert.True(swept.Ok, string.Join('\n', swept.Errors));
        Assert.Equal("200", swept.Scenario!.Config.Policy.Options["budget"].Value);
        Assert.Equal(2, swept.Scenario.Config.Sweep.Parameters["policy.options.budget"].Items.Count);
    }

    [Fact]
    public void Given_a_sweep_over_the_options_section_or_below_an_option_Then_it_is_an_error_at_the_key()
    {
        using var dir = new TempScenario();
        dir.Write("s.yaml", "sweep:\n  parameters:\n    policy.options: [1, 2]\n    policy.options.a.b: [1]\n    policy.options.c: 3\n");

        var errors = dir.Errors("s.yaml");

        Assert.Contains(errors, e => e.StartsWith("s.yaml:3:22: sweep.parameters.policy.options:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("s.yaml:4:5: sweep.parameters.policy.options.a.b:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("s.yaml:5:23: sweep.parameters.policy.options.c: expected a non-empty list", StringComparison.Ordinal));
    }
}
