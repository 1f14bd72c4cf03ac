using NetSim.Learning.Agents;
using NetSim.Learning.Environment;

namespace NetSim.Learning.Tests;

public sealed class CostModelTests
{
    private static readonly CostModel Model = new(TimeScale: 0.01, Penalty: 2, EnergyWeight: 0.5, EnergyScale: 0.1, DropPenalty: 10, Clip: 20);

    [Fact]
    public void GivenATaskWithinItsBound_WhenCosted_ThenItIsLatencyOverScalePlusWeightedEnergy()
    {
        // 30 ms / 10 ms = 3, plus 0.5 x 0.2 J / 0.1 J = 1.
        Assert.Equal(4, Model.Cost(new TaskResult(1, 0, 0.03, 0.05, 0.2, Completed: true)), 12);
    }

    [Fact]
    public void GivenATaskPastItsBound_WhenCosted_ThenThePenaltyIsAdded()
    {
        // 60 ms / 10 ms = 6, plus the penalty 2.
        Assert.Equal(8, Model.Cost(new TaskResult(1, 0, 0.06, 0.05, 0, Completed: true)), 12);
    }

    [Fact]
    public void GivenADroppedTask_WhenCosted_ThenBothPenaltiesAreAddedSoDroppingNeverPaysOverFinishingLate()
    {
        // Dropped after 1 ms: 0.1 + 2 + 10 = 12.1, more than finishing 60 ms late (8).
        var dropped = Model.Cost(new TaskResult(1, 0, 0.001, 0.05, 0, Completed: false));
        Assert.Equal(12.1, dropped, 12);
        Assert.True(dropped > Model.Cost(new TaskResult(2, 0, 0.06, 0.05, 0, Completed: true)));
    }

    [Fact]
    public void GivenATaskCostingMoreThanTheClip_WhenItsLearningCostIsTaken_ThenItIsTheClipWhileItsCostIsNot()
    {
        // 500 ms late: 50 + 2 = 52 units, learned from as 20; 30 ms: 3, below the clip, unchanged.
        var late = new TaskResult(1, 0, 0.5, 0.05, 0, Completed: true);
        Assert.Equal(52, Model.Cost(late), 12);
        Assert.Equal(20, Model.LearningCost(late), 12);
        Assert.Equal(3, Model.LearningCost(new TaskResult(2, 0, 0.03, 0.05, 0, Completed: true)), 12);
    }

    [Fact]
    public void GivenASlotOfTasks_WhenRewarded_ThenTheRewardIsMinusTheMeanCostAndZeroForNoTasks()
    {
        var slot = new[] { new TaskResult(1, 0, 0.03, 0.05, 0, true), new TaskResult(2, 1, 0.06, 0.05, 0, true) };
        Assert.Equal(-(3.0 + 8.0) / 2, Model.MeanReward(slot), 12);
        Assert.Equal(0, Model.MeanReward([]));
    }

    [Fact]
    public void GivenOptionsWithATypoOrABadValue_WhenAnAgentIsMade_ThenEveryErrorIsReportedWithTheKnownKeys()
    {
        var context = Contexts.For("actor-critic", 1, ("entropyy", "0.1"), ("actor_lr", "fast"), ("time_scale", "-3ms"));
        var error = Assert.Throws<ArgumentException>(() => AgentFactory.Create("actor-critic", context, new WorldShape(2, 2, false, false)));
        Assert.Contains("policy.options.actor_lr: 'fast' is not a number", error.Message);
        Assert.Contains("policy.options.time_scale: '-3ms' is not a duration", error.Message);
        Assert.Contains("policy.options.entropyy: unknown option for actor-critic (known: actor_lr,", error.Message);
    }
}
