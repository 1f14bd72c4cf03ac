using NetSim.Learning.Agents;
using NetSim.Learning.Environment;
using NetSim.Learning.Training;

namespace NetSim.Learning.Tests;

public sealed class CheckpointSelectionTests
{
    [Theory]
    [InlineData("maddpg-mato", "0")]
    [InlineData("maddpg-mato", "1")]
    [InlineData("ddpg", "1")]
    public void GivenATrainingValidatedAfterEveryEpisode_WhenTheBestStateIsRestored_ThenValidatingItAgainGivesTheBestReturnExactly(string name, string share)
    {
        // Validation is greedy and draws no random number, and its held-out worlds are the same at
        // every call, so the restored state must reproduce the best return to the last bit; the
        // best is the first largest of the returns seen.
        var spec = MaddpgLearningTests.ModelsSmall() with { Duration = 10 };
        using var agent = AgentFactory.Create(name, Contexts.For(name, 3, [.. MaddpgLearningTests.Options, ("validate_every", "1"), ("validation_seeds", "2"), ("share", share)]), WorldShape.Of(spec));
        var trainer = new Trainer(new OffloadingEnvironment(spec, agent.Name, agent.Reward), agent, 7);
        var selection = new CheckpointSelection(trainer, agent);
        var returns = new List<double>();
        for (var e = 0; e < 8; e++)
        {
            trainer.RunEpisode();
            returns.Add(selection.AfterEpisode(e == 7));
        }

        Assert.Equal(8, selection.Validations);
        Assert.Equal(returns.Max(), selection.BestReturn);
        Assert.Equal(returns.IndexOf(returns.Max()), selection.BestEpisode);
        Assert.Equal(returns[^1], selection.LastReturn);
        Assert.True(selection.Restore());
        Assert.Equal(selection.BestReturn, trainer.Validate(2));
    }

    [Fact]
    public void GivenValidationSwitchedOff_WhenEpisodesRun_ThenNothingIsValidatedAndNothingRestored()
    {
        var spec = MaddpgLearningTests.ModelsSmall() with { Duration = 5 };
        using var agent = AgentFactory.Create("maddpg-nomodel", Contexts.For("maddpg-nomodel", 3, [.. MaddpgLearningTests.Options, ("validate_every", "0")]), WorldShape.Of(spec));
        var trainer = new Trainer(new OffloadingEnvironment(spec, agent.Name, agent.Reward), agent, 7);
        var selection = new CheckpointSelection(trainer, agent);
        trainer.RunEpisode();
        Assert.True(double.IsNaN(selection.AfterEpisode(last: true)));
        Assert.Equal(0, selection.Validations);
        Assert.False(selection.Restore());
    }
}
