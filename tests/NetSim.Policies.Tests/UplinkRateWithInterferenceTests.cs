using NetSim.Network.Building;
using NetSim.Network.Geometry;
using NetSim.Network.Tasks;
using NetSim.Policies.Tests.Support;

namespace NetSim.Policies.Tests;

/// <summary>
/// <see cref="NetSim.Network.Scheduling.Observation.UplinkRateIfStarted(int, int, double, double)"/>,
/// the member added for <c>least-latency</c>: the Shannon rate with extra interference counted with the noise.
/// </summary>
public class UplinkRateWithInterferenceTests
{
    private static (double Plain, double WithExtra) Rates(bool interference, double extraW)
    {
        var model = Worlds.Model();
        var spec = Worlds.Points([new Point(100, 0)], [new Point(0, 0)], [new TraceArrival(0, 0, 0, 1e3)], [model], [model], interference);
        double plain = 0, withExtra = 0;
        WorldBuilder.Build(spec, _ => new InspectPolicy((o, _) =>
        {
            plain = o.UplinkRateIfStarted(0, 0, 1.0);
            withExtra = o.UplinkRateIfStarted(0, 0, 1.0, extraW);
        }), new ListRecorder()).Run();
        return (plain, withExtra);
    }

    [Fact]
    public void Given_interference_counted_When_extra_interference_is_asked_Then_the_rate_is_shannon_over_noise_plus_extra()
    {
        // 100 m, whole band, share power density: B log2(1 + P g / (sigma^2 + I)), with I = sigma^2.
        var (plain, withExtra) = Rates(interference: true, extraW: Worlds.NoiseW);

        var signal = Worlds.TxPowerW * Worlds.Gain(100);
        Assert.Equal(Worlds.RateAlone(100), plain, 1e-3);
        Assert.Equal(Worlds.Bandwidth * Math.Log2(1 + (signal / (2 * Worlds.NoiseW))), withExtra, 1e-3);
    }

    [Fact]
    public void Given_interference_off_When_extra_interference_is_asked_Then_it_is_ignored()
    {
        var (plain, withExtra) = Rates(interference: false, extraW: 1e-9);

        Assert.Equal(plain, withExtra);
    }
}
