using NetSim.Network.Building;
using NetSim.Network.Geometry;
using NetSim.Network.Mobility;
using NetSim.Network.Scheduling;
using NetSim.Network.Tasks;
using NetSim.Policies.Tests.Support;

namespace NetSim.Policies.Tests;

/// <summary>
/// <c>least-latency</c>'s estimate for a UE driving east at 25 m/s along y = 0 from x = 401 m past
/// stations at x = 0 and 1000 m (nearest rule, updates every 0.1 s, 0.3 s to trigger, 0.05 s
/// interruption). A 40 Mbit task arrives at 3.5 s: x = 488.5 m, so its upload to either station
/// (tens of Mbit/s at 500 m) outlasts the handover, which the rule puts at the first update past the
/// midpoint (x = 500 m at 3.96 s), 4.0 s, plus 0.3 s: 0.8 s after the decision.
/// </summary>
public class HandoverEstimateTests
{
    private const double Bits = 40e6;
    private const double Arrival = 3.5;
    private const double Handover = 4.0 + 0.3 - Arrival;
    private const double Interruption = 0.05;
    private const double BackhaulRate = 1e8;
    private const double BackhaulDelay = 0.002;

    private static WorldSpec Spec(bool restart)
    {
        var model = Worlds.Model(sizeBits: 1e6);
        return Worlds.Points([new Point(401, 0)], [new Point(0, 0), new Point(1000, 0)], [new TraceArrival(Arrival, 0, 0, Bits)], [model], [model]) with
        {
            BackhaulRate = BackhaulRate,
            BackhaulDelay = BackhaulDelay,
            Mobility = new MobilitySettings
            {
                Trajectory = (_, start, _) => new LinearTrajectory(start, 0, 25),
                Update = 0.1,
                Rule = AssociationRule.Nearest,
                TimeToTrigger = 0.3,
                Interruption = Interruption,
                Restart = restart,
            },
        };
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Given_an_upload_that_outlasts_the_expected_handover_When_least_latency_estimates_it_Then_it_adds_the_interruption_and_the_relay_to_the_target(bool restart)
    {
        var estimates = new List<(double Edge0, double Edge1, double Alone0, double Alone1, double Work)>();
        var policy = new EpochProbe(new LeastLatencyPolicy(), (o, batch) =>
        {
            var task = batch.Single();
            var estimator = new LatencyEstimator(o);
            estimates.Add((estimator.Edge(task, 0, 1), estimator.Edge(task, 1, 1),
                Bits / o.UplinkRateIfStarted(0, 0, 1.0), Bits / o.UplinkRateIfStarted(0, 1, 1.0), o.EdgeWork(task, 0) / o.EdgeRate(0)));
        });
        WorldBuilder.Build(Spec(restart), _ => policy, new ListRecorder()).Run();

        var (edge0, edge1, alone0, alone1, compute) = Assert.Single(estimates);
        Assert.True(alone0 > Handover && alone1 > Handover, "both uploads outlast the handover, so both estimates must count it");

        // To station 0: stop at the handover, 0.05 s, the rest (or all of it) at the same rate to
        // station 1, which relays the 40 Mbit over its 100 Mbit/s backhaul (0.4 s) and 2 ms.
        double Resumed(double alone) => Handover + Interruption + (restart ? alone : alone - Handover);
        Assert.Equal(Resumed(alone0) + (Bits / BackhaulRate) + BackhaulDelay + compute, edge0, 1e-9);

        // To station 1: the upload ends at the target itself, so there is no relay.
        Assert.Equal(Resumed(alone1) + compute, edge1, 1e-9);
    }
}
