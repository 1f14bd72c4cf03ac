using NetSim.Network;
using NetSim.Network.Building;
using NetSim.Network.Geometry;
using NetSim.Network.Policies;
using NetSim.Network.Radio;
using NetSim.Network.Recording;
using NetSim.Network.Scheduling;
using NetSim.Network.Tasks;

namespace NetSim.Bench.Workloads;

/// <summary>
/// The modelled world end to end: Poisson tasks, Shannon uplink with interference, FIFO edges,
/// the nearest policy, and a recorder that receives every task row (what <c>--trace tasks</c>
/// passes to the database writer) and keeps nothing.
/// </summary>
internal sealed class WorldWorkload(string name, int ues, int stations, int tasks) : IWorkload
{
    public string Name { get; } = name;

    public WorkloadResult Run(double scale)
    {
        var model = new AigcModel(0, "m", 8e9, WorkKind.Fixed, 50e6, 50e6, 0, 0, 0);
        var perUeRate = ues <= 100 ? 10.0 : 0.01;
        var duration = tasks * scale / (ues * perUeRate);
        var spec = new WorldSpec
        {
            Seed = 1,
            Duration = duration,
            MaxTime = duration * 10,
            Options = new WorldOptions(EpochKind.Arrival, 0.01, false, false, false, new Quality(1, 0.1, 0.1), false, 1e8, 0),
            UeCount = ues,
            UePlacement = new Placement(PlacementKind.Disk, default, 1000, 0, 0, []),
            UeRate = _ => 300e6,
            UeTxPowerW = 0.1,
            Arrivals = ArrivalKind.Poisson,
            ArrivalInterval = 1 / perUeRate,
            Models = [model],
            TaskTypes = [new TaskTypeSpec(0, "t", model, 1, r => 5e4 + (1e5 * r.NextDouble()), _ => 0.1, 1)],
            EdgeCount = stations,
            EdgePlacement = new Placement(PlacementKind.Grid, default, 0, 2000, 2000, []),
            BandwidthHz = 20e6,
            EdgeRate = 15e9,
            Radio = new RadioSettings(ChannelKind.Shannon, 0, new PathLoss(128.1, 37.6, 1000, 1), 1e-13, true, false, 0, 0),
            Preload = [model],
        };
        var recorder = new CountingRecorder();
        var run = WorldBuilder.Build(spec, _ => new NearestPolicy(), recorder);
        run.Run();
        return new WorkloadResult(run.World.Simulation.ProcessedEvents, recorder.Tasks, "tasks", new Dictionary<string, double>
        {
            ["mean_latency_ms"] = recorder.LatencySum / recorder.Tasks * 1000,
        });
    }

    private sealed class CountingRecorder : IRunRecorder
    {
        public TraceLevel Level => TraceLevel.Tasks;

        public long Tasks { get; private set; }

        public double LatencySum { get; private set; }

        public void OnTask(in TaskRecord task)
        {
            Tasks++;
            LatencySum += task.Latency;
        }

        public void OnQueueSample(in QueueSample sample)
        {
        }

        public void OnDownload(in DownloadRecord download)
        {
        }
    }
}
