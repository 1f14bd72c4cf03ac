using NetSim.Kernel;
using NetSim.Kernel.Events;
using NetSim.Kernel.Resources;

namespace NetSim.Bench.Workloads;

/// <summary>
/// W3: M/M/10 (lambda 9.5, mu 1), then a three-stage Store pipeline whose stages are processes that
/// get, hold Exp(mean 0.05) and put to the next; Wq against Erlang C, pipeline sojourn against 3/(20-9.5).
/// </summary>
internal sealed class MM10PipelineWorkload : IWorkload
{
    private const double Lambda = 9.5;
    private const int Servers = 10;

    public string Name => "W3-mm10-pipeline";


    public WorkloadResult Run(double scale)
    {
        var customers = (int)(500_000 * scale);
        var sim = new Simulation(3);
        var server = new Resource(sim, Servers, "servers");
        var rng = sim.Streams.Get("all");
        var stages = Enumerable.Range(0, 4).Select(i => new Store<double>(sim, name: $"stage{i}")).ToArray();
        double wait = 0;
        double sojourn = 0;
        long done = 0;
        IEnumerable<Event> Customer()
        {
            var arrived = sim.Now;
            using (var request = server.Request())
            {
                yield return request;
                wait += sim.Now - arrived;
                yield return sim.Timeout(rng.Exponential(1.0));
            }

            yield return stages[0].Put(sim.Now);
        }

        IEnumerable<Event> Stage(int i)
        {
            var service = sim.Streams.Get($"stage/{i}");
            while (true)
            {
                var get = stages[i].Get();
                yield return get;
                yield return sim.Timeout(service.Exponential(0.05));
                yield return stages[i + 1].Put(get.Item);
            }
        }

        IEnumerable<Event> Sink()
        {
            while (done < customers)
            {
                var get = stages[3].Get();
                yield return get;
                sojourn += sim.Now - get.Item;
                done++;
            }
        }

        IEnumerable<Event> Source()
        {
            for (var i = 0; i < customers; i++)
            {
                sim.Process(Customer());
                yield return sim.Timeout(rng.Exponential(1 / Lambda));
            }
        }

        for (var i = 0; i < 3; i++)
        {
            sim.Process(Stage(i));
        }

        var sink = sim.Process(Sink());
        sim.Process(Source());
        sim.Run(sink);
        return new WorkloadResult(sim.ProcessedEvents, customers, "customers", new Dictionary<string, double>
        {
            ["wq"] = wait / customers,
            ["wq_theory"] = ErlangCWait(Lambda, 1.0, Servers),
            ["pipeline_sojourn"] = sojourn / customers,
            ["pipeline_sojourn_theory"] = 3 / (20 - Lambda),
        });
    }

    private static double ErlangCWait(double lambda, double mu, int c)
    {
        var a = lambda / mu;
        double sum = 0, term = 1;
        for (var k = 0; k < c; k++)
        {
            sum += term;
            term *= a / (k + 1);
        }

        var top = term / (1 - (a / c));
        return top / (sum + top) / ((c * mu) - lambda);
    }
}
