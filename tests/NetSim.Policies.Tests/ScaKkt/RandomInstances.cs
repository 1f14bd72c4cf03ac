using NetSim.Policies.ScaKkt;

namespace NetSim.Policies.Tests.ScaKkt;

/// <summary>
/// Random instances of P1 around the paper's section IV-A: per-step times near 1/500 s (device)
/// and 1/1000 s (edge), device clocks 1 to 2 GHz, edge 10 GHz, k = 1e-26, eps_fwd = 1, and an edge
/// budget that lets between a fifth and three fifths of the tasks run at 60 steps, so that eq. 1
/// binds in most instances.
/// </summary>
internal static class RandomInstances
{
    public static ScaKktProblem Make(int seed, int count)
    {
        var random = new Random(seed);
        double Uniform(double low, double high) => low + ((high - low) * random.NextDouble());
        var tasks = new ScaKktTask[count];
        for (var n = 0; n < count; n++)
        {
            var dtLocal = Uniform(1.0 / 600, 1.0 / 400);
            var dtEdge = Uniform(1.0 / 1200, 1.0 / 800);
            var f = Uniform(1e9, 2e9);
            const double g = 10e9;
            tasks[n] = new ScaKktTask(
                dtLocal,
                dtEdge,
                1e-26 * f * f * f * dtLocal,
                1e-26 * g * g * g * dtEdge,
                1,
                Uniform(0.05, 0.15),
                Uniform(0.02, 0.08),
                random.Next(10, 31),
                random.Next(50, 101));
        }

        var w1 = Uniform(0.2, 0.8);
        var weights = new ScaKktWeights(1, 1, Uniform(2e-4, 2e-3), w1, 1 - w1);
        return new ScaKktProblem(tasks, Uniform(0.2, 0.6) * count * 60, 1, weights);
    }
}
