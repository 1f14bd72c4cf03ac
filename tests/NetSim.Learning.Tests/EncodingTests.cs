using NetSim.Learning.Agents;
using NetSim.Learning.Environment;
using NetSim.Network.Building;

namespace NetSim.Learning.Tests;

public sealed class EncodingTests
{
    [Theory]
    [InlineData("maddpg-mato", true)]
    [InlineData("ddpg", true)]
    [InlineData("maddpg-nomodel", false)]
    public void GivenTwoWorldsDifferingOnlyInWhichModelsTheStationsHold_WhenADeviceObservesItsFirstTask_ThenOnlyModelAwareAgentsSeeADifference(string name, bool sees)
    {
        // Same seed, same tasks, same channel: the only difference is the caches at t = 0.
        var models = SmallWorlds.Models(3, 5);
        var holding = models with { CacheBits = double.PositiveInfinity, Preload = models.Models };
        var empty = holding with { Preload = [] };
        var a = FirstObservation(name, holding);
        var b = FirstObservation(name, empty);
        if (sees)
        {
            Assert.NotEqual(a, b);
        }
        else
        {
            Assert.Equal(a, b);
        }
    }

    [Fact]
    public void GivenModelAwareAndNoModelAgents_WhenTheirEncodingsAreCompared_ThenOnlyTheModelAwareOneHasCacheInputsAndNeitherADownloadAction()
    {
        var spec = SmallWorlds.Models(3, 5);
        using var mato = AgentFactory.Create("maddpg-mato", Contexts.For("maddpg-mato"), WorldShape.Of(spec));
        using var nomodel = AgentFactory.Create("maddpg-nomodel", Contexts.For("maddpg-nomodel"), WorldShape.Of(spec));
        // The download is implied by an edge target that lacks the model (eq. 7 to 12): both act
        // with a target and a ratio only, so they differ in what they see, not in what they do.
        Assert.Contains("has model", mato.Encoding);
        Assert.DoesNotContain("has model", nomodel.Encoding);
        Assert.Contains("action=4 [", mato.Encoding);
        Assert.Contains("action=4 [", nomodel.Encoding);
    }

    private static float[] FirstObservation(string name, WorldSpec spec)
    {
        using var agent = (MaddpgAgent)AgentFactory.Create(name, Contexts.For(name), WorldShape.Of(spec));
        var env = new OffloadingEnvironment(spec, name, _ => 0);
        var step = env.Reset(9);
        return agent.Observe(step.Observation!, step.Batch, step.Batch[0].Ue);
    }
}
