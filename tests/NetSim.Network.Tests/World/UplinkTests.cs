using NetSim.Kernel;
using NetSim.Network.Building;
using NetSim.Network.Geometry;
using NetSim.Network.Policies;
using NetSim.Network.Radio;
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

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Given_one_ue_alone_in_the_cell_with_two_uploads_at_once_Then_each_gets_half_its_power_until_one_ends_and_the_other_gets_it_all(bool powerOverBand)
    {
        // Each upload radiates P/2 on half the band. On its share (OFDMA) the noise halves too, so
        // the SNR is P g / sigma^2; over the whole band it is (P/2) g / sigma^2. Once the 1 Mbit
        // upload ends, the 3 Mbit one has the band and P. Energy: P/2 while both are sent, P after.
        var s0 = 1e6;
        var s1 = 3e6;
        var spec = Specs.Points([new Point(100, 0)], [new Point(0, 0)], [new TraceArrival(0, 0, 0, s0), new TraceArrival(0, 0, 0, s1)], [Model], [Specs.Type(Model, 1)]) with
        {
            Radio = Specs.Shannon(powerOverBand: powerOverBand),
        };
        var recorder = new ListRecorder();

        WorldBuilder.Build(spec, _ => new NearestPolicy(), recorder).Run();

        var p = Specs.TxPowerW;
        var snr = p * Specs.Gain(100) / Specs.NoiseW;
        var half = Specs.Bandwidth / 2 * Math.Log2(1 + (powerOverBand ? snr / 2 : snr));
        var full = Specs.Bandwidth * Math.Log2(1 + snr);
        var end0 = s0 / half;
        var end1 = end0 + ((s1 - (half * end0)) / full);
        Assert.Equal(end0, recorder.Task(0).UploadEnd, 1e-12);
        Assert.Equal(end1, recorder.Task(1).UploadEnd, 1e-12);
        Assert.Equal(p / 2 * end0, recorder.Task(0).EnergyJ, 1e-15);
        Assert.Equal((p / 2 * end0) + (p * (end1 - end0)), recorder.Task(1).EnergyJ, 1e-15);
    }

    [Fact]
    public void Given_a_ue_with_two_uploads_When_a_neighbour_station_receives_an_upload_Then_the_interference_is_that_of_one_upload_at_full_power()
    {
        // UE0 at 100 m from BS0 sends two 50 Mbit uploads; UE1 at 100 m from BS1, 900 m from UE0,
        // sends 1 Mbit, which ends long before UE0's. UE0 radiates P/2 twice, so BS1 hears P g(900).
        var ues = new[] { new Point(100, 0), new Point(900, 0) };
        var stations = new[] { new Point(0, 0), new Point(1000, 0) };
        TraceArrival[] TwoAndOne(int ue0Uploads) =>
            [.. Enumerable.Repeat(new TraceArrival(0, 0, 0, 50e6), ue0Uploads), new TraceArrival(0, 1, 0, 1e6)];
        double EndOfUe1(int ue0Uploads)
        {
            var recorder = new ListRecorder();
            WorldBuilder.Build(Specs.Points(ues, stations, TwoAndOne(ue0Uploads), [Model], [Specs.Type(Model, 1)]), _ => new NearestPolicy(), recorder).Run();
            var ue1 = recorder.Tasks.Single(t => t.Ue == 1);
            Assert.True(recorder.Tasks.Where(t => t.Ue == 0).All(t => t.UploadEnd > ue1.UploadEnd), "the crafted case needs UE1 to end first");
            return ue1.UploadEnd;
        }

        var p = Specs.TxPowerW;
        var rate = Specs.Bandwidth * Math.Log2(1 + (p * Specs.Gain(100) / (Specs.NoiseW + (p * Specs.Gain(900)))));
        Assert.Equal(1e6 / rate, EndOfUe1(2), 1e-12);
        Assert.Equal(EndOfUe1(1), EndOfUe1(2), 1e-15);
    }

    [Fact]
    public void Given_a_ue_uploading_to_one_station_When_it_starts_a_second_upload_to_another_Then_the_estimate_and_the_rate_use_half_its_power_each()
    {
        // UE0 sends A to BS1, then B to BS0 (gain g). Both radiate P/2, so BS0 hears B at (P/2) g
        // and A, addressed to BS1, as interference (P/2) g: SINR = (P/2) g / (sigma^2 + (P/2) g).
        var sim = new Simulation(1);
        var g = Specs.Gain(100);
        var channel = new UplinkChannel(sim, Specs.Shannon(), [Specs.TxPowerW], [Specs.Bandwidth, Specs.Bandwidth], new GainTable([g, Specs.Gain(900)], 2), 0);
        var task = new SimTask(0, 0, 0, Model, 1e6, 0, double.PositiveInfinity, 1);
        var a = new Upload(task, 0, 1, 1e6, double.NaN, _ => { });
        var b = new Upload(task, 0, 0, 1e6, double.NaN, _ => { });

        channel.Start(a);
        var estimate = channel.RateIfStarted(0, 0);
        channel.Start(b);

        var received = Specs.TxPowerW / 2 * g;
        var expected = Specs.Bandwidth * Math.Log2(1 + (received / (Specs.NoiseW + received)));
        Assert.Equal(expected, estimate, 1e-6);
        Assert.Equal(expected, channel.CurrentRate(b), 1e-6);
        Assert.Equal(Specs.TxPowerW / 2, a.PowerW);
    }

    [Fact]
    public void Given_two_uploads_due_a_hair_apart_Then_each_ends_at_its_own_time_not_merged_with_the_other()
    {
        // Two UEs 100 m from their own stations, no interference: both send at the same rate r, so
        // the upload of (1 + 1e-10) times the bits ends 1e-10 of its duration after the other. The
        // channel used to end every upload within 1e-9 of its bits at the first one's end.
        var sim = new Simulation(1);
        var g = Specs.Gain(100);
        var channel = new UplinkChannel(sim, Specs.Shannon(interference: false), [Specs.TxPowerW, Specs.TxPowerW], [Specs.Bandwidth, Specs.Bandwidth], new GainTable([g, 0, 0, g], 2), 0);
        var task = new SimTask(0, 0, 0, Model, 1e6, 0, double.PositiveInfinity, 1);
        var bits = new[] { 1e6, 1e6 * (1 + 1e-10) };
        var ends = new double[2];
        channel.Start(new Upload(task, 0, 0, bits[0], double.NaN, _ => ends[0] = sim.Now));
        channel.Start(new Upload(task, 1, 1, bits[1], double.NaN, _ => ends[1] = sim.Now));

        sim.Run();

        var rate = Specs.Bandwidth * Math.Log2(1 + (Specs.TxPowerW * g / Specs.NoiseW));
        Assert.Equal(bits[0] / rate, ends[0], 1e-15);
        Assert.Equal(bits[1] / rate, ends[1], 1e-15);
        Assert.True(ends[1] > ends[0], $"{ends[1]:R} vs {ends[0]:R}");
    }
}
