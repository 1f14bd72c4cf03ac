using NetSim.Network.Scheduling;
using NetSim.Policies.Optimal;
using NetSim.Policies.Tests.Support;

namespace NetSim.Policies.Tests.Optimal;

public class EpochAssignmentsTests
{
    private static readonly TaskView[] Batch =
    [
        new(10, 0, 0, ZhouWorlds.Model, 1e6, 0, double.PositiveInfinity, 20),
        new(11, 1, 0, ZhouWorlds.Model, 1e6, 0, double.PositiveInfinity, 20),
        new(12, 2, 0, ZhouWorlds.Model, 1e6, 0, double.PositiveInfinity, 20),
    ];

    [Fact]
    public void Given_decisions_in_any_order_When_encoded_Then_each_task_gets_local_or_its_edge_index()
    {
        var vector = EpochAssignments.TryEncode(Batch, [Assignment.Edge(12, 1), Assignment.Local(10), Assignment.Edge(11, 0, ratio: 0)]);

        Assert.NotNull(vector);
        Assert.Equal([EpochProblem.Local, EpochProblem.Local, 1], vector);
    }

    [Fact]
    public void Given_a_cloud_or_partial_decision_When_encoded_Then_it_lies_outside_the_model()
    {
        Assert.Null(EpochAssignments.TryEncode(Batch, [Assignment.Cloud(10), Assignment.Local(11), Assignment.Local(12)]));
        Assert.Null(EpochAssignments.TryEncode(Batch, [Assignment.Edge(10, 0, 0.5), Assignment.Local(11), Assignment.Local(12)]));
    }

    [Fact]
    public void Given_a_task_decided_twice_or_not_at_all_When_encoded_Then_it_is_refused()
    {
        Assert.Throws<ArgumentException>(() => EpochAssignments.TryEncode(Batch, [Assignment.Local(10), Assignment.Local(10), Assignment.Local(12)]));
        Assert.Throws<ArgumentException>(() => EpochAssignments.TryEncode(Batch, [Assignment.Local(10), Assignment.Local(11)]));
    }
}
