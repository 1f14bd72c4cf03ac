using NetSim.Network.Building;
using NetSim.Network.Geometry;
using NetSim.Network.Scheduling;
using NetSim.Network.Tasks;

namespace NetSim.Network.Tests.World;

public class EpochLoadTests
{
    private static readonly AigcModel Model = Specs.FixedModel(serverOps: 1);

    [Fact]
    public void A_second_upload_of_a_transmitting_UE_moves_half_its_power_from_one_station_to_the_other()
    {
        // UE0 at 100 m from BS0 and 900 m from BS1 starts a long upload to BS0 at t = 0. Its second
        // task (t = 0.01) is planned to BS1: the UE then radiates P/2 on each upload, so BS0 gains
        // interference P/2 g(100 m) from the new upload and BS1 loses P/2 g(900 m) of the P g(900 m)
        // it received from the first. Counting the new upload at full power (the UE's budget
        // ignored) would give +P g(100 m) at BS0 and 0 at BS1.
        var spec = Specs.Points(
            [new Point(100, 0)],
            [new Point(0, 0), new Point(1000, 0)],
            [new TraceArrival(0, 0, 0, 1e9), new TraceArrival(0.01, 0, 0, 1e6)],
            [Model],
            [Specs.Type(Model, 1)]);
        var probe = new Probe();

        WorldBuilder.Build(spec, _ => probe, new ListRecorder()).Run();

        var p = Specs.TxPowerW;
        Assert.Equal(p / 2 * Specs.Gain(100), probe.AtStation0, 1e-12 * p);
        Assert.Equal(-p / 2 * Specs.Gain(900), probe.AtStation1, 1e-12 * p);
    }

    private sealed class Probe : IPolicy
    {
        public double AtStation0 { get; private set; } = double.NaN;

        public double AtStation1 { get; private set; } = double.NaN;

        public string Name => "probe";

        public IReadOnlyList<Assignment> Decide(Observation observation, IReadOnlyList<TaskView> batch)
        {
            var task = Assert.Single(batch);
            if (observation.UeUploads(task.Ue) == 0)
            {
                return [Assignment.Edge(task.Id, 0)];
            }

            var load = new EpochLoad(observation.EdgeCount);
            load.AddUpload(observation, task.Ue, 1);
            AtStation0 = load.Interference(0);
            AtStation1 = load.Interference(1);
            return [Assignment.Edge(task.Id, 1)];
        }
    }
}
