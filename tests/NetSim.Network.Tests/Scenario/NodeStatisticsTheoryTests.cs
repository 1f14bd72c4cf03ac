using NetSim.Kernel.Statistics;
using NetSim.Network.Building;
using NetSim.Network.Metrics;
using NetSim.Network.Policies;
using NetSim.Network.Recording;
using NetSim.Network.Scenario;
using NetSim.Tests.Shared;

namespace NetSim.Network.Tests.Scenario;

/// <summary>
/// The per-node statistics of <c>node_stats</c> (exact time integrals over the measured interval,
/// after a 1,000 s warm-up) of the shipped queueing scenarios against closed forms: M/M/1, M/M/2
/// (Erlang C), M/D/1 (Pollaczek-Khinchine), and a tandem of an M/M/1 uplink feeding an M/D/1 server
/// (Burke's theorem). Five replications of 20,000 s each; the theory must lie within three 95%
/// Student-t half-widths of the replication mean (a correct model misses that with probability
/// below 0.2%, and the runs are seeded, so a pass is repeatable) and within 10% (which a wrong
/// formula, off by a factor rho or 1 - rho, cannot meet).
/// </summary>
public class NodeStatisticsTheoryTests
{
    private const double Warmup = 1000;

    private static List<QueueReading> Readings(string file, string node, Func<WorldSpec, WorldSpec>? change = null)
    {
        var scenario = ScenarioLoader.Load(Path.Combine(Repo.Scenarios, "queueing", file)).Scenario!;
        var readings = new List<QueueReading>();
        for (var r = 0; r < 5; r++)
        {
            var spec = ScenarioMapper.ToSpec(scenario, Kernel.Randomness.RandomStreams.Replication(scenario.Config.Seed, r)) with { Warmup = Warmup };
            var run = WorldBuilder.Build(change is null ? spec : change(spec), _ => new NearestPolicy(), NullRecorder.Instance);
            run.Run();
            readings.Add(run.World.NodeStatistics().Single(n => n.Node == node).Reading);
        }

        return readings;
    }

    private static void Near(string what, double theory, IEnumerable<double> values)
    {
        var ci = ConfidenceInterval.Of(values);
        Assert.True(Math.Abs(ci.Mean - theory) < 3 * ci.HalfWidth, $"{what}: {ci.Mean:F4} ± {ci.HalfWidth:F4} vs theory {theory:F4}");
        Assert.True(Math.Abs(ci.Mean - theory) < 0.1 * theory, $"{what}: {ci.Mean:F4} vs theory {theory:F4} (10%)");
    }

    private static void Check(string name, List<QueueReading> readings, double lambda, double rho, double wq)
    {
        Near($"{name} utilisation", rho, readings.Select(r => r.Utilisation));
        Near($"{name} Wq", wq, readings.Select(r => r.MeanWait));
        Near($"{name} Lq", lambda * wq, readings.Select(r => r.MeanInQueue));
        foreach (var r in readings)
        {
            Assert.Equal(Warmup, r.From);
            Assert.Equal(20_000, r.To);
            // Little's law holds exactly but for the jobs present at the interval's two ends: a few
            // jobs against about 15,000 arrivals.
            Assert.True(Math.Abs(r.MeanInSystem - r.LambdaW) < 0.01 * r.MeanInSystem, $"{name}: L {r.MeanInSystem:F4} vs lambda W {r.LambdaW:F4}");
        }
    }


    [Fact]
    public void Given_the_mm1_scenario_Then_the_server_figures_match_mm1()
    {
        Check("M/M/1", Readings("mm1.yaml", "edge:0"), 0.8, 0.8, 0.8 / (1 - 0.8));
    }

    [Fact]
    public void Given_the_mmc_scenario_on_two_cores_Then_the_server_figures_match_erlang_c()
    {
        var lambda = 1.6;
        Assert.Equal(0.7111, QueueTheory.ErlangC(2, lambda), 4);
        Check("M/M/2", Readings("mmc.yaml", "edge:0", s => s with { EdgeCores = 2, ArrivalInterval = 1 / lambda }), lambda, lambda / 2, QueueTheory.ErlangC(2, lambda) / (2 - lambda));
    }

    [Fact]
    public void Given_the_md1_scenario_Then_the_server_figures_match_pollaczek_khinchine()
    {
        Check("M/D/1", Readings("md1.yaml", "edge:0"), 0.8, 0.8, 0.8 / (2 * (1 - 0.8)));
    }

    [Fact]
    public void Given_the_tandem_scenario_Then_the_uplink_is_mm1_and_the_server_behind_it_is_md1_by_burke()
    {
        Check("uplink M/M/1", Readings("tandem.yaml", "uplink:0"), 0.5, 0.5, 0.5 / (1 - 0.5));
        Check("server M/D/1", Readings("tandem.yaml", "edge:0"), 0.5, 0.8, 0.8 * 1.6 / (2 * (1 - 0.8)));
    }
}
