using NetSim.Policies.Optimal;
using NetSim.Policies.Tests.Support;

namespace NetSim.Policies.Tests;

/// <summary>Random instances of problem (1) in the ranges of Zhou et al.'s Table I, from a seeded stream.</summary>
internal static class RandomProblems
{
    /// <summary>
    /// <paramref name="tasks"/> tasks and <paramref name="servers"/> servers: UEs up to 1 km from each
    /// server (path loss 128.1 + 37.6 log10 d/km, 20 dBm, -100 dBm noise, 20 MHz), 100 to 200 KB,
    /// 200 MFLOP on a 15 GFLOPS server or 50 MFLOP on a 300 MFLOPS device, deadlines 10 to 200 ms.
    /// </summary>
    public static EpochProblem Zhou(Random random, int tasks, int servers, EpochSettings? settings = null)
    {
        var local = new double[tasks];
        var size = new double[tasks];
        var rate = new double[tasks, servers];
        var work = new double[tasks, servers];
        var timeLeft = new double[tasks];
        var capacity = Enumerable.Range(0, servers).Select(_ => 15e9 * (0.5 + random.NextDouble())).ToArray();
        for (var u = 0; u < tasks; u++)
        {
            local[u] = 50e6 / (300e6 * (0.5 + random.NextDouble()));
            size[u] = 8 * (100e3 + (100e3 * random.NextDouble()));
            timeLeft[u] = 0.010 + (0.190 * random.NextDouble());
            for (var m = 0; m < servers; m++)
            {
                var metres = 50 + (950 * random.NextDouble());
                var snr = Worlds.TxPowerW * Worlds.Gain(metres) / Worlds.NoiseW;
                rate[u, m] = Worlds.Bandwidth * Math.Log2(1 + snr);
                work[u, m] = 200e6;
            }
        }

        return EpochProblemFactory.FromRates(local, size, rate, work, capacity, timeLeft, settings);
    }
}
