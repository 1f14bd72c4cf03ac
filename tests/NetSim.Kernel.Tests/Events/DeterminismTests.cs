using System.Security.Cryptography;
using System.Text;
using NetSim.Kernel.Events;
using NetSim.Kernel.Resources;

namespace NetSim.Kernel.Tests.Events;

public class DeterminismTests
{
    /// <summary>A random workload with ties (times rounded to 0.1) and a shared resource; returns the log hash.</summary>
    private static string RunWorkload(ulong seed)
    {
        var sim = new Simulation(seed);
        var log = new StringBuilder();
        var desk = new Resource(sim, 2, "desk");
        IEnumerable<Event> Customer(int id)
        {
            var rng = sim.Streams.Get($"customer/{id}");
            for (var visit = 0; visit < 20; visit++)
            {
                yield return sim.Timeout(Math.Round(rng.NextDouble(), 1));
                using var request = desk.Request();
                yield return request;
                log.Append(FormattableString.Invariant($"{sim.Now:R} {id} {visit};"));
                yield return sim.Timeout(Math.Round(rng.NextDouble() * 0.5, 1));
            }
        }

        for (var i = 0; i < 30; i++)
        {
            sim.Process(Customer(i), $"c{i}");
        }

        sim.Run();
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(log.ToString())));
    }

    [Fact]
    public void Given_the_same_seed_Then_the_event_log_hash_is_identical_and_another_seed_changes_it()
    {
        Assert.Equal(RunWorkload(5), RunWorkload(5));
        Assert.NotEqual(RunWorkload(5), RunWorkload(6));
    }

    [Fact]
    public void Given_two_simulations_on_two_threads_Then_each_matches_its_run_alone()
    {
        var alone = (RunWorkload(8), RunWorkload(9));
        string? a = null;
        string? b = null;
        var t1 = new Thread(() => a = RunWorkload(8));
        var t2 = new Thread(() => b = RunWorkload(9));
        t1.Start();
        t2.Start();
        t1.Join();
        t2.Join();

        Assert.Equal(alone, (a, b));
    }
}
