using NetSim.Network.Building;
using NetSim.Network.Geometry;
using NetSim.Network.Scheduling;
using NetSim.Network.Tasks;
using NetSim.Policies.Tests.Support;

namespace NetSim.Policies.Tests;

/// <summary>
/// <c>random</c>'s draws. One slot-epoch world with five edges holds 6,000 tasks of one UE at
/// t = 0, decided in one batch from the run's <c>policy</c> stream. Uniformity is a Pearson
/// chi-square test on a fixed seed against the 0.1% critical value of its degrees of freedom: a
/// correct uniform sampler fails it with probability 0.001 per seed, and the seed is fixed, so the
/// test is deterministic; a sampler biased by 10% on one option (600 tasks at 1,000 per option)
/// exceeds it by far.
/// </summary>
public class RandomPolicyTests
{
    private const int Tasks = 6000;
    private const int Edges = 5;

    private static (List<Assignment> Decisions, List<int> Epochs) Run(ulong seed, bool partial)
    {
        var model = Worlds.Model();
        var trace = Enumerable.Range(0, Tasks).Select(_ => new TraceArrival(0, 0, 0, 1e3)).ToList();
        var stations = Enumerable.Range(0, Edges).Select(k => new Point(100 * k, 50)).ToArray();
        var spec = Worlds.Points([new Point(0, 0)], stations, trace, [model], [model]);
        spec = spec with
        {
            Seed = seed,
            Drain = false,
            Duration = 1e-3,
            Options = spec.Options with { Epoch = EpochKind.Slot, Slot = 1, PartialOffloading = partial },
        };
        var recording = new List<RecordingPolicy>();
        WorldBuilder.Build(spec, random => recording.AddAndReturn(new RecordingPolicy(new RandomPolicy(random))), new ListRecorder()).Run();
        var policy = Assert.Single(recording);
        return (policy.Decisions, policy.Epochs);
    }

    private static double ChiSquare(IEnumerable<int> counts, double expected) =>
        counts.Sum(c => (c - expected) * (c - expected) / expected);

    [Fact]
    public void Given_whole_offloading_When_random_decides_6000_tasks_Then_device_and_five_edges_are_equally_likely()
    {
        var (decisions, epochs) = Run(seed: 11, partial: false);

        Assert.Equal([Tasks], epochs);
        var counts = new int[Edges + 1];
        foreach (var d in decisions)
        {
            counts[d.Target == TargetKind.Local ? Edges : d.Index]++;
            Assert.True(d.Target == TargetKind.Local || d.OffloadRatio == 1.0);
        }

        // 5 degrees of freedom: P(chi2 > 20.52) = 0.001.
        var chi2 = ChiSquare(counts, Tasks / (Edges + 1.0));
        Assert.True(chi2 < 20.52, $"chi-square {chi2:F2} over counts [{string.Join(", ", counts)}]");
    }

    [Fact]
    public void Given_partial_offloading_When_random_decides_6000_tasks_Then_edges_are_equally_likely_and_ratios_uniform()
    {
        var (decisions, _) = Run(seed: 12, partial: true);

        Assert.All(decisions, d => Assert.Equal(TargetKind.Edge, d.Target));
        var edges = new int[Edges];
        var deciles = new int[10];
        foreach (var d in decisions)
        {
            edges[d.Index]++;
            Assert.InRange(d.OffloadRatio, 0.0, 1.0);
            deciles[Math.Min(9, (int)(d.OffloadRatio * 10))]++;
        }

        // 4 degrees of freedom: P(chi2 > 18.47) = 0.001; 9 degrees: P(chi2 > 27.88) = 0.001.
        var chiEdges = ChiSquare(edges, Tasks / (double)Edges);
        var chiRatios = ChiSquare(deciles, Tasks / 10.0);
        Assert.True(chiEdges < 18.47, $"edges: chi-square {chiEdges:F2} over [{string.Join(", ", edges)}]");
        Assert.True(chiRatios < 27.88, $"ratios: chi-square {chiRatios:F2} over deciles [{string.Join(", ", deciles)}]");
    }

    [Fact]
    public void Given_the_same_seed_When_random_runs_twice_Then_it_makes_the_same_choices_and_another_seed_makes_others()
    {
        var first = Run(seed: 21, partial: true).Decisions;
        var again = Run(seed: 21, partial: true).Decisions;
        var other = Run(seed: 22, partial: true).Decisions;

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }
}
