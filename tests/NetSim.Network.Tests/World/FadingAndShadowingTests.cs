using MathNet.Numerics.Distributions;
using NetSim.Network.Building;
using NetSim.Network.Geometry;
using NetSim.Network.Policies;
using NetSim.Network.Tasks;

namespace NetSim.Network.Tests.World;

/// <summary>
/// Rayleigh block fading and log-normal shadowing, checked through what a run records: a lone
/// upload of S bits that takes t seconds reveals its SNR as 2^(S / (t B)) - 1, so the fading power
/// gain and the shadowing of each upload can be read back and compared with their laws.
/// </summary>
public class FadingAndShadowingTests
{
    private const double ProbeBits = 1e4;
    private static readonly AigcModel Model = Specs.FixedModel(serverOps: 1);

    [Fact]
    public void Given_Rayleigh_block_fading_When_lone_uploads_fall_in_distinct_blocks_Then_their_power_gains_follow_Exp_1()
    {
        // One UE 100 m from its station, one small upload early in each of 2,000 one-second blocks.
        const int blocks = 2000;
        var trace = Enumerable.Range(0, blocks).Select(k => new TraceArrival(k + 0.1, 0, 0, ProbeBits)).ToArray();
        var recorder = Run([new Point(100, 0)], trace, shadowingDb: 0, rayleighBlock: 1, duration: blocks);

        var snr = Specs.TxPowerW * Specs.Gain(100) / Specs.NoiseW;
        var h = recorder.Tasks.Select(t => SnrOf(t.UploadEnd - t.UploadStart) / snr).ToArray();

        // Kolmogorov-Smirnov against 1 - exp(-h); the critical value at alpha = 0.001 is 1.95 / sqrt(n).
        Assert.Equal(blocks, h.Length);
        var d = KolmogorovSmirnov(h, x => 1 - Math.Exp(-x));
        Assert.True(d < 1.95 / Math.Sqrt(blocks), $"KS distance {d:F4} to Exp(1)");

        // Mean 1 within four standard errors (the standard deviation of Exp(1) is 1).
        Assert.InRange(h.Average(), 1 - (4 / Math.Sqrt(blocks)), 1 + (4 / Math.Sqrt(blocks)));
    }

    [Fact]
    public void Given_Rayleigh_block_fading_When_an_upload_spans_a_block_boundary_Then_its_rate_changes_there()
    {
        // Probes in blocks 0 and 1 reveal the two fading gains; a large upload runs from 0.5 s across
        // the boundary at 1 s and must finish where the two rates put it.
        const double big = 150e6;
        var trace = new[]
        {
            new TraceArrival(0.1, 0, 0, ProbeBits),
            new TraceArrival(0.5, 0, 0, big),
            new TraceArrival(1.9, 0, 0, ProbeBits),
        };
        var recorder = Run([new Point(100, 0)], trace, shadowingDb: 0, rayleighBlock: 1, duration: 2);

        var rate0 = ProbeBits / Duration(recorder.Task(0));
        var rate1 = ProbeBits / Duration(recorder.Task(2));
        var sentInBlock0 = rate0 * 0.5;
        Assert.True(sentInBlock0 < big, "the crafted case needs the large upload to reach block 1");
        var end = 1.0 + ((big - sentInBlock0) / rate1);
        Assert.True(end < 1.9, "the crafted case needs the large upload to end before the second probe");
        Assert.Equal(end, recorder.Task(1).UploadEnd, 1e-9);
    }

    [Fact]
    public void Given_8dB_shadowing_When_UEs_at_one_distance_upload_alone_Then_their_gains_in_dB_are_normal_around_the_path_loss()
    {
        // 400 UEs on a 100 m circle around one station, uploading one at a time.
        const int count = 400;
        const double sigma = 8;
        var ues = Enumerable.Range(0, count)
            .Select(i => new Point(100 * Math.Cos(2 * Math.PI * i / count), 100 * Math.Sin(2 * Math.PI * i / count)))
            .ToArray();
        var trace = Enumerable.Range(0, count).Select(i => new TraceArrival(i * 0.01, i, 0, ProbeBits)).ToArray();
        var recorder = Run(ues, trace, shadowingDb: sigma, rayleighBlock: 0, duration: count * 0.01);

        var deviationsDb = recorder.Tasks
            .Select(t => 10 * Math.Log10(SnrOf(Duration(t)) * Specs.NoiseW / Specs.TxPowerW / Specs.Gain(100)))
            .ToArray();

        Assert.Equal(count, deviationsDb.Length);
        var d = KolmogorovSmirnov(deviationsDb, x => Normal.CDF(0, sigma, x));
        Assert.True(d < 1.95 / Math.Sqrt(count), $"KS distance {d:F4} to N(0, {sigma} dB)");
    }

    private static ListRecorder Run(Point[] ues, TraceArrival[] trace, double shadowingDb, double rayleighBlock, double duration)
    {
        var spec = Specs.Points(ues, [new Point(0, 0)], trace, [Model], [Specs.Type(Model, ProbeBits)]) with
        {
            Radio = Specs.Shannon() with { ShadowingDb = shadowingDb, RayleighBlock = rayleighBlock },
            Duration = duration,
        };
        var recorder = new ListRecorder();
        WorldBuilder.Build(spec, _ => new NearestPolicy(), recorder).Run();
        return recorder;
    }

    private static double Duration(Recording.TaskRecord task) => task.UploadEnd - task.UploadStart;

    private static double SnrOf(double seconds) => Math.Pow(2, ProbeBits / (seconds * Specs.Bandwidth)) - 1;

    private static double KolmogorovSmirnov(double[] sample, Func<double, double> cdf)
    {
        var sorted = sample.Order().ToArray();
        var d = 0.0;
        for (var i = 0; i < sorted.Length; i++)
        {
            var f = cdf(sorted[i]);
            d = Math.Max(d, Math.Max(((i + 1.0) / sorted.Length) - f, f - ((double)i / sorted.Length)));
        }

        return d;
    }
}
