using NetSim.Kernel;
using NetSim.Kernel.Events;

namespace NetSim.Bench.Workloads;

/// <summary>W1: 1,000 processes, each looping on Exp(mean 1) timeouts until t = 10,000.</summary>
internal sealed class TimeoutsWorkload : IWorkload
{
    public string Name => "W1-timeouts";


    public WorkloadResult Run(double scale)
    {
        var sim = new Simulation(1);
        var until = 10_000 * scale;
        long timeouts = 0;
        IEnumerable<Event> Loop(int id)
        {
            var rng = sim.Streams.Get($"p/{id}");
            while (true)
            {
                var delay = rng.Exponential(1.0);
                if (sim.Now + delay >= until)
                {
                    yield break;
                }

                timeouts++;
                yield return sim.Timeout(delay);
            }
        }

        for (var i = 0; i < 1000; i++)
        {
            sim.Process(Loop(i));
        }

        sim.Run();
        return new WorkloadResult(sim.ProcessedEvents, timeouts, "timeouts", new Dictionary<string, double>());
    }
}
