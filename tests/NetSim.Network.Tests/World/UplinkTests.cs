using NetSim.Network.Building;
using NetSim.Network.Geometry;
using NetSim.Network.Policies;
using NetSim.Network.Tasks;

namespace NetSim.Network.Tests.World;

public class UplinkTests
{
    private static readonly AigcModel Model = Specs.FixedModel(serverOps: 1);

    [Fact]
    public void Given_two_uploads_to_two_stations_at_once_Then_each_sees_the_others_interference_until_the_first_ends()
    {
        // UE0 at 100 m from BS0; UE1 at 100 m from BS1; the stations 1 km apart.
        var ues = new[] { new Point(100, 0), new Point(900, 0) };
        var stations = new[] { new Point(0, 0), new Point(1000, 0) };
        var s0 = 1e6;
        var s1 = 4e6;
        var spec = Specs.Points(
            ues,
            stations,
            [new TraceArrival(0, 0, 0, s0), new TraceArrival(0, 1, 0, s1)],
            [Model],
            [Specs.Type(Model, 1)]);
        var recorder = new ListRecorder();

        WorldBuilder.Build(spec, _ => new NearestPolicy(), recorder).Run();

        var p = Specs.TxPowerW;
        var sinr0 = p * Specs.Gain(100) / (Specs.NoiseW + (p * Specs.Gain(900)));
        var sinr1 = p * Specs.Gain(100) / (Specs.NoiseW + (p * Specs.Gain(900)));
        var r0 = Specs.Bandwidth * Math.Log2(1 + sinr0);
        var r1 = Specs.Bandwidth * Math.Log2(1 + sinr1);
        var t0 = s0 / r0;
        var alone1 = Specs.Bandwidth * Math.Log2(1 + (p * Specs.Gain(100) / Specs.NoiseW));
        var t1 = t0 + ((s1 - (r1 * t0)) / alone1);
        Assert.Equal(t0, recorder.Task(0).UploadEnd, 1e-12);
        Assert.Equal(t1, recorder.Task(1).UploadEnd, 1e-12);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Given_an_upload_When_another_starts_and_ends_at_the_same_station_Then_it_gets_half_the_band_meanwhile(bool powerOverBand)
    {
        var ues = new[] { new Point(100, 0), new Point(0, 200) };
        var stations = new[] { new Point(0, 0) };
        var s0 = 10e6;
        var s1 = 1e6;
        var a = 0.01;
        var spec = Specs.Points(ues, stations, [new TraceArrival(0, 0, 0, s0), new TraceArrival(a, 1, 0, s1)], [Model], [Specs.Type(Model, 1)]) with
        {
            Radio = Specs.Shannon(powerOverBand: powerOverBand),
        };
        var recorder = new ListRecorder();

        WorldBuilder.Build(spec, _ => new NearestPolicy(), recorder).Run();

        // On half the band: with power over the band the SNR stays; concentrated on the half, noise halves.
        var concentration = powerOverBand ? 1.0 : 2.0;
        var snr0 = Specs.TxPowerW * Specs.Gain(100) / Specs.NoiseW;
        var full0 = Specs.Bandwidth * Math.Log2(1 + snr0);
        var half0 = Specs.Bandwidth / 2 * Math.Log2(1 + (concentration * snr0));
        var half1 = Specs.Bandwidth / 2 * Math.Log2(1 + (concentration * Specs.TxPowerW * Specs.Gain(200) / Specs.NoiseW));
        var end1 = a + (s1 / half1);
        var sentBy1 = (full0 * a) + (half0 * (end1 - a));
        var end0 = end1 + ((s0 - sentBy1) / full0);
        Assert.True(end1 < end0, "the crafted case needs the second upload to end first");
        Assert.Equal(end1, recorder.Task(1).UploadEnd, 1e-12);
        Assert.Equal(end0, recorder.Task(0).UploadEnd, 1e-12);
    }
}
