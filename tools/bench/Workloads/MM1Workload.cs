using NetSim.Kernel;
using NetSim.Kernel.Events;
using NetSim.Kernel.Resources;

namespace NetSim.Bench.Workloads;

/// <summary>W2: M/M/1 with lambda 0.9 and mu 1, one process per customer; Wq against 9.0.</summary>
internal sealed class MM1Workload : IWorkload
{
    public string Name => "W2-mm1";


    public WorkloadResult Run(double scale)
    {
        var customers = (int)(1_000_000 * scale);
        var sim = new Simulation(2);
        var server = new Resource(sim, 1, "server");
        var arrivals = sim.Streams.Get("arrivals");
        var services = sim.Streams.Get("services");
        double wait = 0;
        IEnumerable<Event> Customer()
        {
            var arrived = sim.Now;
            using var request = server.Request();
            yield return request;
            wait += sim.Now - arrived;
            yield return sim.Timeout(services.Exponential(1.0));
        }

        IEnumerable<Event> Source()
        {
            for (var i = 0; i < customers; i++)
            {
                sim.Process(Customer());
                yield return sim.Timeout(arrivals.Exponential(1 / 0.9));
            }
        }

        sim.Process(Source());
        sim.Run();
        return new WorkloadResult(sim.ProcessedEvents, customers, "customers", new Dictionary<string, double>
        {
            ["wq"] = wait / customers,
            ["wq_theory"] = 0.9 / (1.0 - 0.9),
        });
    }
}
