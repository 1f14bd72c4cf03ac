using NetSim.Kernel.Events;
using NetSim.Kernel.Resources;

namespace NetSim.Kernel.Tests.Queueing;

/// <summary>
/// Kernel processes against closed-form queueing results. Each case runs five independent
/// replications (fixed seeds) of 40,000 customers after a 2,000-customer warm-up; the theory value
/// must lie within three 95% half-widths of the replication mean and within 8% of it. Three
/// half-widths keep the false-failure chance negligible while a wrong model (an off-by-one in
/// service order, a lost customer, a biased sampler) moves the mean by far more.
/// </summary>
public class QueueingTheoryTests
{
    private const int Customers = 40_000;
    private const int WarmUp = 2_000;

    private static (double Wq, double L) Station(ulong seed, double lambda, int servers, Func<Random, double> service)
    {
        var sim = new Simulation(seed);
        var resource = new Resource(sim, servers, "station");
        var arrivals = sim.Streams.Get("arrivals");
        var services = sim.Streams.Get("services");
        double waitSum = 0;
        var measured = 0;
        double area = 0;
        double last = 0;
        double start = double.NaN;
        var inSystem = 0;
        void Change(int delta)
        {
            if (!double.IsNaN(start))
            {
                area += inSystem * (sim.Now - last);
            }

            last = sim.Now;
            inSystem += delta;
        }

        IEnumerable<Event> Customer(int id)
        {
            if (id == WarmUp)
            {
                start = sim.Now;
                last = sim.Now;
            }

            Change(+1);
            var arrived = sim.Now;
            using (var request = resource.Request())
            {
                yield return request;
                if (id >= WarmUp)
                {
                    waitSum += sim.Now - arrived;
                    measured++;
                }

                yield return sim.Timeout(service(services));
            }

            Change(-1);
        }

        IEnumerable<Event> Source()
        {
            for (var i = 0; i < WarmUp + Customers; i++)
            {
                sim.Process(Customer(i));
                yield return sim.Timeout(arrivals.Exponential(1 / lambda));
            }
        }

        sim.Process(Source());
        sim.Run();
        return (waitSum / measured, area / (last - start));
    }

    private static void AssertNear(string what, double theory, IReadOnlyList<double> values)
    {
        var mean = values.Average();
        var sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
        var halfWidth = 2.776 * sd / Math.Sqrt(values.Count);
        Assert.True(Math.Abs(mean - theory) < 3 * halfWidth, $"{what}: {mean:F4} +- {halfWidth:F4} vs theory {theory:F4}");
        Assert.True(Math.Abs(mean - theory) < 0.08 * theory, $"{what}: {mean:F4} vs theory {theory:F4} (8%)");
    }

    private static List<(double Wq, double L)> Replicate(double lambda, int servers, Func<Random, double> service) =>
        Enumerable.Range(0, 5).Select(r => Station((ulong)(1000 + r), lambda, servers, service)).ToList();

    [Fact]
    public void Given_mm1_at_rho_0_7_Then_wq_and_l_match_theory()
    {
        double lambda = 0.7, mu = 1.0, rho = lambda / mu;
        var runs = Replicate(lambda, 1, r => -Math.Log(1 - r.NextDouble()) / mu);

        AssertNear("Wq", rho / (mu - lambda), runs.Select(x => x.Wq).ToList());
        AssertNear("L", rho / (1 - rho), runs.Select(x => x.L).ToList());
    }

    [Fact]
    public void Given_mmc_with_three_servers_Then_wq_matches_erlang_c()
    {
        double lambda = 2.1, mu = 1.0;
        var c = 3;
        var a = lambda / mu;
        double sum = 0, term = 1;
        for (var k = 0; k < c; k++)
        {
            sum += term;
            term *= a / (k + 1);
        }

        var top = term / (1 - (a / c));
        var erlangC = top / (sum + top);
        var runs = Replicate(lambda, c, r => -Math.Log(1 - r.NextDouble()) / mu);

        AssertNear("Wq", erlangC / ((c * mu) - lambda), runs.Select(x => x.Wq).ToList());
    }

    [Fact]
    public void Given_md1_Then_wq_matches_pollaczek_khinchine()
    {
        double lambda = 0.7, mu = 1.0, rho = lambda / mu;
        var runs = Replicate(lambda, 1, _ => 1 / mu);

        AssertNear("Wq", rho / (2 * mu * (1 - rho)), runs.Select(x => x.Wq).ToList());
    }

    [Fact]
    public void Given_a_two_station_tandem_Then_mean_sojourn_matches_jackson()
    {
        double lambda = 0.5, mu1 = 1.0, mu2 = 0.8;
        var sojourns = new List<double>();
        for (ulong r = 0; r < 5; r++)
        {
            var sim = new Simulation(2000 + r);
            var first = new Resource(sim, 1, "first");
            var second = new Resource(sim, 1, "second");
            var rng = sim.Streams.Get("all");
            double total = 0;
            var count = 0;
            IEnumerable<Event> Customer(int id)
            {
                var arrived = sim.Now;
                foreach (var (station, mu) in new[] { (first, mu1), (second, mu2) })
                {
                    using var request = station.Request();
                    yield return request;
                    yield return sim.Timeout(rng.Exponential(1 / mu));
                }

                if (id >= WarmUp)
                {
                    total += sim.Now - arrived;
                    count++;
                }
            }

            IEnumerable<Event> Source()
            {
                for (var i = 0; i < WarmUp + Customers; i++)
                {
                    sim.Process(Customer(i));
                    yield return sim.Timeout(rng.Exponential(1 / lambda));
                }
            }

            sim.Process(Source());
            sim.Run();
            sojourns.Add(total / count);
        }

        AssertNear("sojourn", (1 / (mu1 - lambda)) + (1 / (mu2 - lambda)), sojourns);
    }
}
